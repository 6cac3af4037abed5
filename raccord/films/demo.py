"""Demo content: the two films, the exhibition, a recording, /diffusion/ and a few requests.

Loaded by `manage.py load_demo` (idempotent: pages are found by slug, images by title,
requests by organisation name). Images are placeholders drawn by `placeholders.py`. Films sit
above soirées and residencies, whose demos load first: this one links their pages to the films.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from raccord.events.models import EventPage

from . import bootstrap, placeholders
from .models import (
    ComicPlate,
    ExhibitionPage,
    FilmPage,
    FilmStill,
    RecordingChapter,
    RecordingPage,
    ScreeningRequest,
    Showing,
)

# A placeholder address on a reserved domain: the team puts the real video link here.
DEMO_VIDEO = "https://peertube.example.org/w/{slug}"

PLATES = [
    (
        "L’arrivée à Bascule Argoat",
        "Une trentaine de personnes débarquent dans un éco-lieu du Centre Bretagne.",
        "Première planche de la série. Le dessin définitif montrera l’arrivée des participant·es "
        "à l’éco-lieu, accueilli·es par les habitant·es. Cette image provisoire ne contient "
        "que la grille des cases : deux cases en haut, une grande case au milieu, trois petites "
        "en bas, toutes vides.",
    ),
    (
        "La météo du matin",
        "Le tour de parole qui ouvre chaque journée.",
        "La planche racontera le premier tour de « météo » : chacun·e dit comment il ou elle "
        "arrive. Image provisoire : une grande case en haut, deux rangées de deux cases "
        "en dessous, vides.",
    ),
    (
        "Qui décide ?",
        "Les premières tensions sur la façon de prendre les décisions.",
        "Les enjeux de pouvoir sur un plateau : qui tranche quand le temps presse ? "
        "Image provisoire : grille de cases vides, sans dessin ni texte.",
    ),
    (
        "Les facilitatrices",
        "Deux professionnelles de la coopération accompagnent le groupe.",
        "La planche présentera le rôle des deux facilitatrices et leurs outils : cercles de "
        "parole, communication non violente. Image provisoire : cases vides.",
    ),
    (
        "La cuisine",
        "Un cuisinier nourrit trente personnes, et la cantine devient un lieu de réunion.",
        "Anecdotes de cuisine et de repas partagés. Image provisoire : cases vides, sans dessin.",
    ),
    (
        "Tournage : Récolter la tempête",
        "Sur le plateau du premier court-métrage.",
        "La planche suivra une journée de tournage de Récolter la tempête. "
        "Image provisoire : grille de cases vides.",
    ),
    (
        "Tournage : Sur écoute",
        "Sur le plateau du second court-métrage.",
        "La planche suivra une journée de tournage de Sur écoute. "
        "Image provisoire : grille de cases vides.",
    ),
    (
        "Quand ça coince",
        "Un conflit, et la façon dont le groupe le traverse.",
        "Les tensions à l’œuvre pendant la résidence et les façons de les dénouer ensemble. "
        "Image provisoire : cases vides.",
    ),
    (
        "Les habitant·es",
        "Celles et ceux qui vivent à Bascule Argoat et ont accueilli l’équipe.",
        "Portraits des habitant·es du lieu. Image provisoire : grille de cases vides.",
    ),
    (
        "Et après ?",
        "De la résidence naît un collectif : On Est Raccord!",
        "Dernière planche : la fin de la résidence et l’envie de continuer, qui deviendra "
        "l’association. Image provisoire : grille de cases vides.",
    ),
]


def load(ctx) -> None:
    bootstrap.load(ctx)
    films = _films(ctx)
    _exhibition(ctx)
    _recordings(ctx)
    _diffusion(ctx, films)
    _requests(ctx, films)


def _films(ctx) -> list[FilmPage]:
    """The real films (bootstrap.py), dressed once with placeholder images and a demo video."""
    index = bootstrap.film_index(ctx)
    films = []
    for data in bootstrap.FILMS:
        film = index.get_children().get(slug=data["slug"]).specific
        films.append(film)
        if film.poster_id is not None:
            continue
        film.poster = placeholders.wagtail_image(
            f"Affiche provisoire · {data['title']}",
            placeholders.poster(data["title"], "On Est Raccord! · 2024", variant=data["variant"]),
        )
        film.poster_alt = (
            f"Affiche provisoire : le titre « {data['title']} » en grandes lettres "
            "claires sur des bandes de couleur."
        )
        film.video_url = DEMO_VIDEO.format(slug=data["slug"])
        film.video_thumbnail = placeholders.wagtail_image(
            f"Vignette vidéo · {data['title']}",
            placeholders.still(data["title"], variant=data["variant"]),
        )
        film.availability_note += " Versions accessibles en préparation."
        film.stills = [
            FilmStill(
                image=placeholders.wagtail_image(
                    f"Photogramme provisoire {n} · {data['title']}",
                    placeholders.still(f"{data['title']} · {n}", variant=data["variant"] + n),
                ),
                alt=f"Image provisoire {n} : aplats de couleur, à remplacer par un photogramme.",
                caption="Image provisoire.",
            )
            for n in (1, 2)
        ]
        film.save_revision().publish()
        ctx.created.append(f"FilmPage /{data['slug']}/ (images provisoires)")
    return films


def _exhibition(ctx) -> ExhibitionPage:
    """The real exhibition page (bootstrap.py), given placeholder plates once."""
    page = ctx.home.get_children().get(slug="exposition").specific
    if page.plates.exists():
        return page
    page.plate_format = "10 planches de bande dessinée, à accrocher au mur ou sur grilles"
    page.hanging_length = "Métrage à définir ensemble selon le lieu"
    page.transport = (
        "Les planches voyagent à plat ; transport à organiser ensemble, en train ou "
        "en covoiturage de préférence."
    )
    page.plates = [
        ComicPlate(
            title=title,
            alt=f"Planche {number} (image provisoire) : {alt}",
            description=description,
            image=placeholders.wagtail_image(
                f"Planche provisoire {number:02d} · {title}",
                placeholders.comic_page(number, title, size=(1600, 2262)),
            ),
        )
        for number, (title, alt, description) in enumerate(PLATES, start=1)
    ]
    page.save_revision().publish()
    ctx.created.append("ExhibitionPage /exposition/ (planches provisoires)")
    return page


def _march_2025_soiree():
    """The events demo's March 2025 soirée, if the team kept it."""
    return (
        EventPage.objects.filter(start__date=date(2025, 3, 9)).first()
        or EventPage.objects.filter(title__icontains="soin").order_by("start").first()
    )


def _recordings(ctx) -> None:
    index = bootstrap.recordings_index(ctx)
    if index.get_children().filter(slug="soin-sur-les-tournages-mars-2025").exists():
        return
    recording = RecordingPage(
        slug="soin-sur-les-tournages-mars-2025",
        title="Table ronde : la question du soin sur les tournages",
        kind=RecordingPage.Kind.VIDEO,
        recorded_on=date(2025, 3, 9),
        summary="<p>Captation de la table ronde de la soirée du dimanche 9 mars 2025 au DOC, "
        "à Paris, après la projection des deux courts-métrages et au milieu des planches de "
        "l’exposition : comment prendre soin des personnes sur un plateau de tournage ?</p>",
        video_url=DEMO_VIDEO.format(slug="table-ronde-soin-mars-2025"),
        transcript="<p>La transcription complète sera publiée ici par l’équipe, pour les "
        "personnes sourdes ou malentendantes et pour celles qui préfèrent lire.</p>",
    )
    recording.event = _march_2025_soiree()
    recording.chapters = [
        RecordingChapter(start="0:00", title="Accueil et présentation du collectif"),
        RecordingChapter(start="5:00", title="Un avant-goût de coopération : la météo"),
        RecordingChapter(start="15:00", title="Le soin sur les tournages : tour de table"),
        RecordingChapter(start="45:00", title="Questions du public"),
    ]
    index.add_child(instance=recording)
    recording.save_revision().publish()
    ctx.created.append("RecordingPage (mars 2025)")


def _diffusion(ctx, films) -> None:
    bootstrap.diffusion_page(ctx)
    if Showing.objects.exists():
        return
    soirees = [
        (date(2024, 11, 1), "Soirée On Est Raccord! : la coopération dans les courts-métrages"),
        (date(2025, 3, 9), "Soirée On Est Raccord! : le soin sur les tournages"),
    ]
    for when, title in soirees:
        venue, day = "", when
        event = (
            EventPage.objects.filter(start__year=when.year, start__month=when.month)
            .select_related("venue")
            .first()
        )
        if event is not None:
            day = timezone.localtime(event.start).date()
            venue = event.venue.name if event.venue else ""
        elif when.month != 3:
            continue  # only the March 2025 date is known when the team removed the soirée
        if not venue and when.month == 3:
            venue = "le DOC"
        showing = Showing.objects.create(
            date=day,
            title=title,
            venue=venue,
            city="Paris",
            with_screening=True,
            with_exhibition=True,
            with_round_table=True,
            event=event,
        )
        showing.films.set(films)
    ctx.created.append("Showings (2)")


def _requests(ctx, films) -> None:
    from . import services

    if ScreeningRequest.objects.exists():
        return
    soon = timezone.localdate() + timedelta(days=45)
    demo = [
        {
            "kind": ScreeningRequest.Kind.SCREENING,
            "email": "cineclub@example.org",
            "name": "Camille Exemple",
            "organisation_name": "Ciné-club Exemple",
            "venue_kind": ScreeningRequest.VenueKind.CINEMA,
            "city": "Rennes",
            "date_from": soon,
            "expected_audience": 80,
            "films": films,
            "budget": ScreeningRequest.Budget.FREE,
            "topics": "La coopération sur les tournages de courts-métrages.",
            "steps": [],
        },
        {
            "kind": ScreeningRequest.Kind.EXHIBITION,
            "email": "tiers-lieu@example.org",
            "name": "Sacha Exemple",
            "organisation_name": "Tiers-lieu Exemple",
            "venue_kind": ScreeningRequest.VenueKind.ACTIVIST,
            "city": "Tours",
            "date_from": soon + timedelta(days=20),
            "date_to": soon + timedelta(days=34),
            "budget": ScreeningRequest.Budget.TO_DISCUSS,
            "technical_setup": "Grilles d’exposition et murs blancs, salle fermée la nuit.",
            "steps": [ScreeningRequest.Status.DISCUSSION],
        },
        {
            "kind": ScreeningRequest.Kind.SCREENING,
            "email": "syndicat@example.org",
            "name": "Alex Exemple",
            "organisation_name": "Section syndicale Exemple",
            "venue_kind": ScreeningRequest.VenueKind.UNION,
            "city": "Lyon",
            "date_from": soon + timedelta(days=60),
            "expected_audience": 40,
            "films": films[1:],
            "budget": ScreeningRequest.Budget.AMOUNT,
            "budget_amount": 300,
            "topics": "Les violences sexistes et sexuelles sur les tournages.",
            "steps": [ScreeningRequest.Status.DISCUSSION, ScreeningRequest.Status.CONFIRMED],
        },
        {
            "kind": ScreeningRequest.Kind.SCREENING,
            "email": "festival@example.org",
            "name": "Dominique Exemple",
            "organisation_name": "Festival Exemple",
            "venue_kind": ScreeningRequest.VenueKind.FESTIVAL,
            "city": "Marseille",
            "date_from": soon + timedelta(days=10),
            "films": films[:1],
            "budget": ScreeningRequest.Budget.TO_DISCUSS,
            "steps": [ScreeningRequest.Status.REFUSED],
        },
    ]
    for data in demo:
        steps = data.pop("steps")
        request, _ = services.submit_request(source="/films/", **data)
        for step in steps:
            services.move_request(request, step, note="Exemple de suivi (démo).")
    ctx.created.append(f"ScreeningRequests ({len(demo)})")
