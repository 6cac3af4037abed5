"""One record per app, made through that app's own services, for the cross-module GDPR tests.

Each maker returns the app label it filled, or None when the app does not offer what it needs
yet (the apps are built in parallel): the tests then check every app that answered.
"""

from datetime import date, timedelta
from itertools import count

from django.db import transaction
from django.utils import timezone

_numbers = count(1)


def _messages(site, email, name):
    from raccord.people import services

    services.receive_message(
        name=name,
        email=email,
        subject="Une question",
        message=f"Bonjour, ici {name}, je voudrais venir à la prochaine soirée.",
        consent_wording="Vos données servent à vous répondre.",
    )
    return "people"


def _events(site, email, name):
    from raccord.events import services
    from raccord.events.models import EventIndexPage, EventPage, Venue

    n = next(_numbers)
    index = site.root_page.get_children().type(EventIndexPage).first()
    if index is None:
        index = EventIndexPage(title="Soirées", slug="soirees")
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    venue = Venue.objects.create(name=f"le DOC {n}", city="Paris")
    start = timezone.now() + timedelta(days=10)
    event = EventPage(
        title=f"Soirée RGPD {n}",
        slug=f"soiree-rgpd-{n}",
        start=start,
        end=start + timedelta(hours=5),
        venue=venue,
        capacity=40,
    )
    index.specific.add_child(instance=event)
    event.save_revision().publish()
    services.register(event, email=email, name=name, seats=2)
    return "events"


def _newsletter(site, email, name):
    from raccord.newsletter import services

    subscriber = services.subscribe(email=email, name=name, source="test")
    services.confirm(subscriber)
    return "newsletter"


def _films(site, email, name):
    from raccord.films import services
    from raccord.films.models import ScreeningRequest

    services.submit_request(
        kind=ScreeningRequest.Kind.SCREENING,
        email=email,
        name=name,
        organisation_name="Cinéma du Test",
        venue_kind=ScreeningRequest.VenueKind.CINEMA,
        city="Lyon",
        date_from=timezone.localdate() + timedelta(days=60),
        message=f"Projection souhaitée, contact {name}.",
    )
    return "films"


def _residencies(site, email, name):
    from raccord.residencies import services
    from raccord.residencies.models import Call, CallRole, ResidencyIndexPage, ResidencyPage

    n = next(_numbers)
    index = site.root_page.get_children().type(ResidencyIndexPage).first()
    if index is None:
        index = ResidencyIndexPage(title="Résidences", slug="residences")
        site.root_page.add_child(instance=index)
        index.save_revision().publish()
    residency = ResidencyPage(
        title=f"Résidence {n}",
        slug=f"residence-{n}",
        period_label="printemps 2026",
        place="Bretagne",
        start_date=date(2026, 4, 20),
        end_date=date(2026, 5, 3),
    )
    index.specific.add_child(instance=residency)
    residency.save_revision().publish()
    now = timezone.now()
    call = Call.objects.create(
        residency=residency,
        title="Appel",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    CallRole.objects.create(call=call, role="son", places=2, sort_order=0)
    services.apply(call, email=email, name=name, roles=["son"], motivation=f"Moi, {name}.")
    return "residencies"


def _plateau(site, email, name):
    from raccord.plateau import services
    from raccord.plateau.models import Production

    n = next(_numbers)
    production = Production.objects.create(
        title=f"Tournage {n}",
        slug=f"tournage-{n}",
        location="Bretagne",
        first_shooting_day=timezone.localdate(),
        last_shooting_day=timezone.localdate() + timedelta(days=5),
    )
    services.invite(production, email=email, name=name)
    return "plateau"


def _partners(site, email, name):
    from raccord.partners import services

    services.submit_inquiry(
        email=email, name=name, organisation_name="Ciné Test", message=f"Signé {name}."
    )
    services.submit_coaching_request(
        email=email,
        name=name,
        offer="training",
        production="Film test",
        crew_size=12,
        needs=f"Besoins de {name}.",
    )
    return "partners"


MAKERS = [_messages, _events, _newsletter, _films, _residencies, _plateau, _partners]
# The brief requires these; the others are checked whenever their services work.
REQUIRED = {"people", "events", "newsletter", "partners"}


def fill_every_app(site, email, name) -> list[str]:
    """Create one record per app for this person; returns the apps that took one."""
    filled = []
    for maker in MAKERS:
        app = maker.__name__.lstrip("_")
        try:
            with transaction.atomic():
                label = maker(site, email, name)
        except Exception:
            if app in REQUIRED:
                raise
            continue  # that app's services are not ready for this yet
        if label:
            filled.append(label)
    return filled
