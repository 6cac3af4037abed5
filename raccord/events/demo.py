"""Demo content: the two soirées the collective held, and the next one open for registration."""

from datetime import datetime
from zoneinfo import ZoneInfo

from .models import EventIndexPage, EventPage, Registration, Venue

PARIS = ZoneInfo("Europe/Paris")


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def _programme(topic: str, description: str) -> list:
    blocks = [
        (
            "exhibition",
            {
                "title": "Les planches de la résidence",
                "description": "Dix planches de bande dessinée de Romane Rostoll racontent la "
                "résidence-laboratoire de mars 2024 : ses enjeux, ses tensions, ses anecdotes.",
            },
        )
    ]
    for title in ("Récolter la tempête", "Sur écoute"):
        blocks.append(
            (
                "projection",
                {
                    "film": None,  # the films demo, loaded after, points it at the catalogue
                    "title": title,
                    "description": "Court métrage né de la résidence à Bascule Argoat.",
                },
            )
        )
    blocks.append(("round_table", {"topic": topic, "description": description, "speakers": []}))
    return blocks


def load(ctx) -> None:
    index = ctx.page(
        ctx.home,
        EventIndexPage,
        slug="soirees",
        title="Soirées",
        show_in_menus=True,
        intro="Exposition, projection, table ronde : nos soirées sont des moments pour "
        "découvrir nos films et goûter à la coopération. L’inscription se fait sans compte.",
    )
    doc, created = Venue.objects.get_or_create(
        name="le DOC",
        city="Paris",
        defaults={
            "access": "Renseignements détaillés envoyés avec la confirmation d’inscription.",
            "accessibility": "Écrivez-nous vos besoins à l’inscription : nous nous organisons "
            "avec le lieu pour vous accueillir au mieux.",
        },
    )
    if created:
        ctx.created.append("Venue le DOC")

    ctx.page(
        index,
        EventPage,
        slug="cooperation-courts-metrages-novembre-2024",
        title="Intégrer la coopération dans les courts métrages",
        kind=EventPage.Kind.SOIREE,
        start=_at(2024, 11, 21, 19, 0),
        end=_at(2024, 11, 21, 23, 0),
        intro="Notre première soirée : comment faire entrer la coopération dans la fabrication "
        "d’un court métrage, de l’écriture au tournage.",
        programme=_programme(
            "Intégrer la coopération dans les courts métrages",
            "Une table ronde suivie d’un temps pour goûter, ensemble, à un outil de coopération.",
        ),
        registration_enabled=False,
        recap="La soirée a réuni des technicien·nes, des étudiant·es et des curieuses et "
        "curieux autour des deux films et des planches de la résidence.",
    )
    ctx.page(
        index,
        EventPage,
        slug="prendre-soin-sur-les-plateaux-mars-2025",
        title="Prendre soin sur les plateaux de tournage",
        kind=EventPage.Kind.SOIREE,
        start=_at(2025, 3, 9, 18, 0),
        end=_at(2025, 3, 9, 23, 0),
        venue=doc,
        intro="Un dimanche soir au DOC pour parler du soin sur les tournages : exposition, "
        "projection des deux courts métrages et table ronde, enregistrée.",
        programme=_programme(
            "Le soin sur les plateaux de tournage",
            "Une table ronde, puis un avant-goût des outils de coopération. La discussion a été "
            "enregistrée : la captation est en ligne.",
        ),
        registration_enabled=False,
        recap="La table ronde a été enregistrée : retrouvez la captation ci-dessous.",
    )
    upcoming = ctx.page(
        index,
        EventPage,
        slug="creer-des-films-en-cooperation-2027",
        title="Créer des films en coopération : retour de résidence",
        kind=EventPage.Kind.SOIREE,
        start=_at(2027, 2, 6, 18, 30),
        end=_at(2027, 2, 6, 23, 0),
        venue=doc,
        intro="Les planches, les films, et ce que la résidence « créer des films en "
        "coopération » nous a appris. Une soirée pour en parler ensemble.",
        programme=[
            *_programme(
                "Produire autrement : la coopération au service des équipes",
                "Table ronde, puis un temps de pratique pour goûter à la coopération.",
            ),
            ("meal", {"description": "Une soupe et de quoi grignoter, à prix libre."}),
        ],
        price_kind=EventPage.Price.PAY_WHAT_YOU_CAN,
        registration_enabled=True,
        capacity=40,
        max_seats_per_registration=4,
        ask_dietary=True,
        ask_accessibility=True,
        ask_heard_from=True,
    )
    if not Registration.objects.filter(event=upcoming).exists():
        _demo_registrations(upcoming, ctx)


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
