"""The collective's soirées page, and the one soirée whose date and place it published.

March 2025 at le DOC (Paris) is known to the day; the November 2024 soirée is not, so it waits
for the team (the demo adds it with a made-up day).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from .models import EventIndexPage, EventPage, Venue

PARIS = ZoneInfo("Europe/Paris")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def programme(topic: str, description: str, *extra) -> list:
    """Exhibition, the two films (linked to the catalogue by films/demo.py), a round table."""
    exhibition = {
        "title": "Les planches de la résidence",
        "description": "Dix planches de bande dessinée de Romane Rostoll racontent la "
        "résidence-laboratoire de mars 2024 : ses enjeux, ses tensions, ses anecdotes.",
    }
    films = [
        (
            "projection",
            {
                "film": None,
                "title": title,
                "description": "Court métrage né de la résidence à Bascule Argoat.",
            },
        )
        for title in ("Récolter la tempête", "Sur écoute")
    ]
    round_table = {"topic": topic, "description": description, "speakers": []}
    return [("exhibition", exhibition), *films, ("round_table", round_table), *extra]


MARCH_2025 = {
    "slug": "prendre-soin-sur-les-plateaux-mars-2025",
    "title": "Prendre soin sur les plateaux de tournage",
    "start": at(2025, 3, 9, 18, 0),
    "end": at(2025, 3, 9, 23, 0),
    "intro": "Un dimanche soir au DOC pour parler du soin sur les tournages : exposition, "
    "projection des deux courts métrages et table ronde, enregistrée.",
    "programme": programme(
        "Le soin sur les plateaux de tournage",
        "Une table ronde, puis un avant-goût des outils de coopération. La discussion a été "
        "enregistrée : la captation est en ligne.",
    ),
    "registration_enabled": False,
    "recap": "La table ronde a été enregistrée : la captation est publiée dans les captations.",
}

INDEX = {
    "slug": "soirees",
    "title": "Soirées",
    "show_in_menus": True,
    "intro": "Exposition, projection, table ronde : nos soirées sont des moments pour "
    "découvrir nos films et goûter à la coopération. L’inscription se fait sans compte.",
}
DOC = {
    "name": "le DOC",
    "city": "Paris",
}


def index(ctx) -> EventIndexPage:
    return ctx.page(ctx.home, EventIndexPage, **INDEX)


def doc_venue(ctx) -> Venue:
    venue, created = Venue.objects.get_or_create(
        **DOC,
        defaults={
            "access": "Renseignements détaillés envoyés avec la confirmation d’inscription.",
            "accessibility": "Écrivez-nous vos besoins à l’inscription : nous nous organisons "
            "avec le lieu pour vous accueillir au mieux.",
        },
    )
    if created:
        ctx.created.append("Venue le DOC")
    return venue


def load(ctx) -> None:
    if ctx.home is None:
        return
    ctx.page(index(ctx), EventPage, kind=EventPage.Kind.EVENING, venue=doc_venue(ctx), **MARCH_2025)
