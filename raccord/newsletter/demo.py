"""Demo content of the infolettre, loaded by `manage.py load_demo` (idempotent).

The topics, the `/infolettre/` page, a few subscribers and the collective's first infolettre,
sent and published in the archives: the November 2024 soirée and the next one, on care on sets.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import Campaign, Delivery, NewsletterPage, Subscriber, Topic

TOPICS = [
    (
        "infolettre-generale",
        "Infolettre générale",
        "Les nouvelles du collectif, quelques fois par an.",
        0,
    ),
    (
        "soirees-paris",
        "Soirées à Paris",
        "Les invitations aux soirées projection-discussion à Paris.",
        1,
    ),
    ("residences", "Résidences", "Les appels à participation et les nouvelles des résidences.", 2),
]

SUBSCRIBERS = [
    ("camille.demo@example.org", "Camille", ["infolettre-generale", "soirees-paris"]),
    ("sacha.demo@example.org", "Sacha", ["infolettre-generale", "residences"]),
    ("noor.demo@example.org", "Noor", ["soirees-paris"]),
]

FIRST_ISSUE = "Infolettre n°1 : une première soirée, et la suivante sur le soin"
PARIS = ZoneInfo("Europe/Paris")


def _event(slug_part: str):
    try:
        from raccord.events.models import EventPage
    except ImportError:
        return None
    return EventPage.objects.live().filter(slug__contains=slug_part).first()


def _body():
    november = _event("novembre-2024")
    march = _event("mars-2025")
    body = [
        (
            "paragraph",
            "<p>Bonjour à toutes et à tous,</p><p>Voici la toute première infolettre d’On Est "
            "Raccord!. Le collectif est devenu une association cette année, et nous voulions vous "
            "raconter d’où nous venons et où nous allons.</p>",
        ),
        ("heading", "Novembre 2024 : coopérer dans les courts métrages"),
        (
            "paragraph",
            "<p>Pour notre première soirée, vous étiez nombreuses et nombreux à venir parler de "
            "coopération sur les tournages de courts métrages. Au programme : l’exposition des "
            "planches dessinées par Romane Rostoll, la projection de <i>Récolter la tempête</i> et "
            "de <i>Sur écoute</i>, puis une table ronde avec un avant-goût de coopération.</p>",
        ),
    ]
    if november is not None:
        body.append(
            ("event", {"page": november, "note": "Le compte rendu de la soirée est en ligne."})
        )
    body += [
        ("heading", "Dimanche 9 mars 2025 : prendre soin sur les plateaux"),
        (
            "paragraph",
            "<p>La prochaine soirée aura lieu au DOC, à Paris, de 18 h à 23 h. Nous y parlerons du "
            "soin sur les plateaux de tournage, avec la même formule : exposition, projection des "
            "deux films et table ronde. La soirée sera filmée.</p>",
        ),
    ]
    if march is not None:
        body.append(
            ("event", {"page": march, "note": "Inscription conseillée : la jauge est limitée."})
        )
    body += [
        ("heading", "En bref"),
        (
            "paragraph",
            "<ul><li>Un article sur notre résidence de mars 2024 à Bascule Argoat est paru dans "
            "CLAP, le magazine du SPIAC-CGT.</li><li><i>Sur écoute</i> a été montré au festival "
            "Côté Court.</li><li>Une nouvelle résidence, « créer des films en coopération », se "
            "prépare en Bretagne.</li></ul>",
        ),
    ]
    from wagtail.models import Page

    agenda = Page.objects.live().filter(slug="soirees").first()
    if agenda is not None:
        body.append(("button", {"label": "Voir toutes nos soirées", "page": agenda, "url": ""}))
    return body


def load(ctx) -> None:
    if ctx.home is not None:
        ctx.page(
            ctx.home,
            NewsletterPage,
            slug="infolettre",
            title="Infolettre",
            show_in_menus=True,
            intro="<p>Quelques fois par an, les nouvelles du collectif : les soirées à venir, les "
            "films, les résidences. Pas de traceur, pas de revente d’adresse, une désinscription "
            "en un clic.</p>",
        )

    topics = {}
    for slug, name, description, position in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        topics[slug] = topic

    from raccord.people.services import find_or_create, record_consent

    for email, name, slugs in SUBSCRIBERS:
        contact = find_or_create(email=email, name=name)
        subscriber, created = Subscriber.objects.get_or_create(
            contact=contact,
            defaults={
                "status": Subscriber.Status.CONFIRMED,
                "source": "/infolettre/ (démo)",
                "wording_version": "2025-01",
                "confirmed_at": timezone.now(),
            },
        )
        if created:
            subscriber.topics.set([topics[s] for s in slugs])
            record_consent(
                contact, "newsletter", source="/infolettre/ (démo)", wording_version="2025-01"
            )
            ctx.created.append(f"Subscriber {email}")

    if not Campaign.objects.filter(subject=FIRST_ISSUE).exists():
        sent_at = datetime(2025, 2, 10, 10, 0, tzinfo=PARIS)
        campaign = Campaign.objects.create(
            subject=FIRST_ISSUE,
            preheader="Notre première soirée en novembre, la prochaine le 9 mars au DOC.",
            body=_body(),
            slug="infolettre-1",
            status=Campaign.Status.SENT,
            started_at=sent_at,
            sent_at=sent_at,
        )
        campaign.topics.set([topics["infolettre-generale"], topics["soirees-paris"]])
        Delivery.objects.bulk_create(
            Delivery(
                campaign=campaign,
                subscriber=s,
                email=s.contact.email,
                status=Delivery.Status.SENT,
                attempts=1,
                sent_at=sent_at,
            )
            for s in Subscriber.objects.for_topics(list(campaign.topics.all())).select_related(
                "contact"
            )
        )
        ctx.created.append("Campaign infolettre-1")
