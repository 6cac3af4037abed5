"""Demo content: the two soirées the collective held, the next one open for registration, and
the first infolettre, which told of them (the infolettre sits below events: it is written here).
"""

from raccord.newsletter import demo as newsletter_demo

from .bootstrap import MARCH_2025, at, programme
from .models import EventPage, Registration

FIRST_ISSUE = "Infolettre n°1 : une première soirée, et la suivante sur le soin"


SOIREES = [
    {
        "slug": "cooperation-courts-metrages-novembre-2024",
        "title": "Intégrer la coopération dans les courts métrages",
        "start": at(2024, 11, 21, 19, 0),
        "end": at(2024, 11, 21, 23, 0),
        "at_doc": False,
        "intro": "Notre première soirée : comment faire entrer la coopération dans la "
        "fabrication d’un court métrage, de l’écriture au tournage.",
        "programme": programme(
            "Intégrer la coopération dans les courts métrages",
            "Une table ronde suivie d’un temps pour goûter, ensemble, à un outil de coopération.",
        ),
        "registration_enabled": False,
        "recap": "La soirée a réuni des technicien·nes, des étudiant·es et des curieuses et "
        "curieux autour des deux films et des planches de la résidence.",
    },
    MARCH_2025,
    {
        "slug": "creer-des-films-en-cooperation-2027",
        "title": "Créer des films en coopération : retour de résidence",
        "start": at(2027, 2, 6, 18, 30),
        "end": at(2027, 2, 6, 23, 0),
        "intro": "Les planches, les films, et ce que la résidence « créer des films en "
        "coopération » nous a appris. Une soirée pour en parler ensemble.",
        "programme": programme(
            "Produire autrement : la coopération au service des équipes",
            "Table ronde, puis un temps de pratique pour goûter à la coopération.",
            ("meal", {"description": "Une soupe et de quoi grignoter, à prix libre."}),
        ),
        "price_kind": EventPage.Price.PAY_WHAT_YOU_CAN,
        "capacity": 40,
        "max_seats_per_registration": 4,
        "ask_dietary": True,
        "ask_accessibility": True,
        "ask_heard_from": True,
    },
]


# The venue of the demo soirées, with what the confirmation mail promises: address and access.
DOC_ACCESS = {
    "address": "26 rue du Docteur Potain",
    "postcode": "75019",
    "access": "Métro Place des Fêtes (lignes 7 bis et 11), puis trois minutes à pied. "
    "Arceaux à vélos devant le lieu.",
    "accessibility": "Écrivez-nous vos besoins à l’inscription : nous nous organisons "
    "avec le lieu pour vous accueillir au mieux.",
}


def load(ctx) -> None:
    from . import bootstrap

    bootstrap.load(ctx)
    index = bootstrap.index(ctx)
    doc = bootstrap.doc_venue(ctx)
    if not doc.address:  # the brochure names the venue only; the demo adds how to get there
        type(doc).objects.filter(pk=doc.pk).update(**DOC_ACCESS)
        doc.refresh_from_db()
    pages = []
    for soiree in SOIREES:
        fields = dict(soiree)
        venue = doc if fields.pop("at_doc", True) else None
        pages.append(ctx.page(index, EventPage, kind=EventPage.Kind.EVENING, venue=venue, **fields))
    november, march, upcoming = pages
    if not Registration.objects.filter(event=upcoming).exists():
        _demo_registrations(upcoming, ctx)
    _first_infolettre(ctx, index, november, march)


def _demo_registrations(event, ctx) -> None:
    """A few registrations so the desk and check-in show something; no mails sent."""
    from raccord.people.services import find_or_create

    for name, email, seats in (
        ("Camille Martin", "camille.martin@exemple.org", 2),
        ("Sam Leroy", "sam.leroy@exemple.org", 1),
        ("Inès Moreau", "ines.moreau@exemple.org", 1),
    ):
        contact = find_or_create(email=email, name=name)
        Registration.objects.create(
            event=event,
            contact=contact,
            name=name,
            email=email,
            seats=seats,
            status=Registration.Status.CONFIRMED,
            confirmed_at=event.first_published_at,
        )
    ctx.created.append("3 demo registrations")


def _first_infolettre(ctx, index, november, march) -> None:
    """February 2025: the November soirée told, the March one announced, with their cards."""
    topics = newsletter_demo.load_topics()
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
        ("event", {"page": november, "note": "Le compte rendu de la soirée est en ligne."}),
        ("heading", "Dimanche 9 mars 2025 : prendre soin sur les plateaux"),
        (
            "paragraph",
            "<p>La prochaine soirée aura lieu au DOC, à Paris, de 18 h à 23 h. Nous y parlerons du "
            "soin sur les plateaux de tournage, avec la même formule : exposition, projection des "
            "deux films et table ronde. La soirée sera filmée.</p>",
        ),
        ("event", {"page": march, "note": "Inscription conseillée : la jauge est limitée."}),
        ("heading", "En bref"),
        (
            "paragraph",
            "<ul><li>Un article sur notre résidence de mars 2024 à Bascule Argoat est paru dans "
            "CLAP, le magazine du SPIAC-CGT.</li><li><i>Sur écoute</i> a été montré au festival "
            "Côté Court.</li><li>Une nouvelle résidence, « créer des films en coopération », se "
            "prépare en Bretagne.</li></ul>",
        ),
        ("button", {"label": "Voir toutes nos soirées", "page": index, "url": ""}),
    ]
    newsletter_demo.add_sent_issue(
        ctx,
        subject=FIRST_ISSUE,
        slug="infolettre-1",
        preheader="Notre première soirée en novembre, la prochaine le 9 mars au DOC.",
        body=body,
        topics=[topics["infolettre-generale"], topics["soirees-paris"]],
        sent_at=at(2025, 2, 10, 10, 0),
    )
