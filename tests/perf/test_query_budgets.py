"""Every public page type runs a fixed number of SQL queries, whatever the volume of data.

One test loads the demo content, counts the queries of one page of each type, then adds a batch
of soirées, films with credits and stills, news, registrations, subscribers, campaigns,
recordings, residencies and partners (bulk inserts where Wagtail's tree allows), and counts
again. The counts must be identical at both sizes and within the budget below: a page whose
count grows with the data has an N+1 query. The budgets are the counts measured on SQLite with
the demo content plus two queries of slack for harmless template changes.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

BUDGETS = {  # measured on SQLite and PostgreSQL, 25 November 2026, plus 2 of slack
    "home": 8 + 2,
    "standard page": 8 + 2,
    "news index": 11 + 2,
    "news post": 12 + 2,
    "soirées": 12 + 2,
    "soirée": 14 + 2,
    "films": 12 + 2,
    "film": 21 + 2,
    "exposition": 11 + 2,
    "captations": 9 + 2,
    "captation": 12 + 2,
    "diffusion": 10 + 2,
    "résidences": 14 + 2,
    "résidence": 16 + 2,
    "partenaires": 14 + 2,
    "formations": 8 + 2,
    "infolettre": 9 + 2,
    "archives": 4 + 2,
    "campagne": 8 + 2,
    "recherche": 5 + 2,
    "nous rencontrer": 8 + 2,
    "agenda.ics": 1 + 2,
    "api soirées": 2 + 2,
}


def _urls() -> dict[str, str]:
    from raccord.core.models import NewsPage, StandardPage
    from raccord.events.models import EventPage
    from raccord.films.models import FilmPage, RecordingPage
    from raccord.newsletter.models import Campaign
    from raccord.residencies.models import ResidencyPage

    def first(model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first().url

    campaign = Campaign.objects.filter(status="sent", in_archives=True).first()
    return {
        "home": "/",
        "standard page": first(StandardPage, slug="le-collectif"),
        "news index": "/actualites/",
        "news post": first(NewsPage),
        "soirées": "/soirees/",
        "soirée": EventPage.objects.live().filter(start__gt=timezone.now()).first().url,
        "films": "/films/",
        "film": first(FilmPage),
        "exposition": "/exposition/",
        "captations": "/captations/",
        "captation": first(RecordingPage),
        "diffusion": "/diffusion/",
        "résidences": "/residences/",
        "résidence": first(ResidencyPage),
        "partenaires": "/partenaires/",
        "formations": "/formations/",
        "infolettre": "/infolettre/",
        "archives": "/infolettre/archives/",
        "campagne": f"/infolettre/archives/{campaign.slug}/",
        "recherche": "/recherche/?q=soir%C3%A9e",
        "nous rencontrer": "/nous-rencontrer/",
        "agenda.ics": "/soirees/agenda.ics",
        "api soirées": "/api/v1/soirees/",
    }


def _count(client, url: str) -> int:
    client.get(url)  # warm up: image renditions and per-process caches are made once
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(ctx.captured_queries)


def _grow(urls: dict[str, str], n: int = 12) -> None:
    """Add n of each kind of content, and rows hanging off the very pages that are measured."""
    from wagtail.models import Page

    from raccord.core import scale
    from raccord.core.models import NewsIndexPage, NewsPage
    from raccord.events.models import EventIndexPage, EventPage, Registration, Venue
    from raccord.films.models import (
        FilmCredit,
        FilmIndexPage,
        FilmPage,
        FilmStill,
        RecordingIndexPage,
        RecordingPage,
    )
    from raccord.newsletter.models import Campaign, Subscriber, Topic
    from raccord.people.models import Contact, Organisation
    from raccord.residencies.models import ResidencyIndexPage, ResidencyPage

    class Ctx:
        def log(self, message):
            pass

    ctx = Ctx()
    now = timezone.now()
    home = Page.objects.get(url_path="/home/") if Page.objects.filter(url_path="/home/") else None
    home = home or Page.objects.filter(depth=2).first()

    def index(model):
        return home.get_children().type(model).first().specific

    image = scale.placeholder_image(ctx)
    venue = Venue.objects.first()
    scale.add_pages(
        ctx,
        index(NewsIndexPage),
        NewsPage,
        n,
        "budget-actualite-",
        lambda i: NewsPage(
            title=f"Nouvelles n° {i}",
            date=(now - timedelta(days=i)).date(),
            intro="Des nouvelles du collectif.",
        ),
    )
    events = scale.add_pages(
        ctx,
        index(EventIndexPage),
        EventPage,
        n,
        "budget-soiree-",
        lambda i: EventPage(
            title=f"Soirée coopération n° {i}",
            start=now + timedelta(days=i - n // 2, hours=19),
            end=now + timedelta(days=i - n // 2, hours=23),
            venue=venue,
            capacity=200,
        ),
    )
    films = scale.add_pages(
        ctx,
        index(FilmIndexPage),
        FilmPage,
        n,
        "budget-film-",
        lambda i: FilmPage(
            title=f"Court-métrage n° {i}", year=2020, poster=image, synopsis="<p>Un film.</p>"
        ),
    )
    scale.add_pages(
        ctx,
        index(RecordingIndexPage),
        RecordingPage,
        n // 3,
        "budget-captation-",
        lambda i: RecordingPage(title=f"Captation n° {i}", recorded_on=now.date(), thumbnail=image),
    )
    scale.add_pages(
        ctx,
        index(ResidencyIndexPage),
        ResidencyPage,
        n // 3,
        "budget-residence-",
        lambda i: ResidencyPage(title=f"Résidence n° {i}", place="Lyon", intro="Une résidence."),
    )

    measured_film = Page.objects.get(url_path__endswith=urls["film"]).specific
    credits, stills = [], []
    for film in [*films, measured_film]:
        for j in range(6):
            credits.append(FilmCredit(film=film, role="Image", name=f"Personne {j}", sort_order=j))
            stills.append(FilmStill(film=film, image=image, alt=f"Photogramme {j}", sort_order=j))
    FilmCredit.objects.bulk_create(credits)
    FilmStill.objects.bulk_create(stills)

    contacts = Contact.objects.bulk_create(
        Contact(email=f"budget{i}@mesures.invalid", name=f"Personne {i}") for i in range(200)
    )
    Subscriber.objects.bulk_create(
        Subscriber(contact=c, status=Subscriber.Status.CONFIRMED, confirmed_at=now)
        for c in contacts
    )
    measured_event = Page.objects.get(url_path__endswith=urls["soirée"]).specific
    Registration.objects.bulk_create(
        Registration(
            event=event,
            contact=contact,
            name=contact.name,
            email=contact.email,
            seats=1,
            status=Registration.Status.CONFIRMED,
            confirmed_at=now,
        )
        for event in [*events, measured_event]
        for contact in contacts[:10]
    )
    topic = Topic.objects.first()
    for i in range(n // 3):
        campaign = Campaign.objects.create(
            subject=f"Infolettre de mesure n° {i}",
            slug=f"budget-infolettre-{i}",
            body=[("paragraph", "<p>Des nouvelles.</p>")],
            status=Campaign.Status.SENT,
            sent_at=now - timedelta(days=i),
        )
        if topic:
            campaign.topics.add(topic)
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Partenaire de mesure {i}",
            slug=f"budget-partenaire-{i}",
            stage=Organisation.Stage.ACTIVE,
            is_public=True,
            logo=image,
        )
        for i in range(n)
    )


def test_public_pages_run_the_same_queries_at_two_data_sizes(client):
    call_command("load_demo", stdout=io.StringIO())
    urls = _urls()
    small = {name: _count(client, url) for name, url in urls.items()}
    _grow(urls)
    large = {name: _count(client, url) for name, url in urls.items()}

    report = "\n".join(
        f"  {name:16} {urls[name]:60} {small[name]:3} → {large[name]:3} (budget {BUDGETS[name]})"
        for name in urls
    )
    print("\n" + report)
    grown = [name for name in urls if large[name] != small[name]]
    over = [name for name in urls if max(small[name], large[name]) > BUDGETS[name]]
    assert not grown, f"queries grow with the data on {grown}:\n{report}"
    assert not over, f"over budget on {over}:\n{report}"
