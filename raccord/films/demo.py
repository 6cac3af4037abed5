"""Demo content: the two films, the exhibition, a recording, /diffusion/ and a few requests.

Loaded by `manage.py load_demo` (idempotent: pages are found by slug, images by title,
requests by organisation name). Images are placeholders drawn by `placeholders.py`. Films sit
above soirées and residencies, whose demos load first: this one links their pages to the films.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from raccord.events.models import EventPage
from raccord.residencies.models import ResidencyOutput, ResidencyPage

from . import placeholders
from .models import (
    ComicPlate,
    DiffusionPage,
    ExhibitionPage,
    FilmCredit,
    FilmIndexPage,
    FilmPage,
    FilmSelection,
    FilmStill,
    RecordingChapter,
    RecordingIndexPage,
    RecordingPage,
    ScreeningRequest,
    Showing,
)

# A placeholder address on a reserved domain: the team puts the real video link here.
DEMO_VIDEO = "https://peertube.example.org/w/{slug}"

RESIDENCY = "Résidence-laboratoire de mars 2024, éco-lieu Bascule Argoat (Centre Bretagne)"
PARTNERS = "Bascule Argoat, Atelier 7, Le Bruit Qui Court, Black Ship, Louis Lumière, Pola"

FILMS = [
    {
        "slug": "recolter-la-tempete",
        "title": "Récolter la tempête",
        "tagline": "Un des deux courts-métrages nés de la première résidence-laboratoire.",
        "synopsis": (
            "<p>Tourné en mars 2024 pendant la première résidence-laboratoire du collectif, "
            "à l’éco-lieu Bascule Argoat, par une équipe de technicien·nes et d’interprètes "
            "qui ont essayé de fabriquer un film autrement : en coopération, avec des temps "
            "de parole, et en faisant attention les un·es aux autres.</p>"
            "<p>Le synopsis détaillé sera publié par l’équipe.</p>"
        ),
        "themes": ["coopération", "résidence", "récit militant"],
        "variant": 0,
        "selections": [],
    },
    {
        "slug": "sur-ecoute",
        "title": "Sur écoute",
        "tagline": "Le second court-métrage de la résidence, sélectionné au festival Côté Court.",
        "synopsis": (
            "<p>Né lui aussi de la résidence-laboratoire de mars 2024 en Centre Bretagne, "
            "ce court-métrage a été réalisé avec les mêmes règles du jeu : décisions "
            "partagées, soin de l’équipe, écoute de chacun·e sur le plateau.</p>"
            "<p>Le synopsis détaillé sera publié par l’équipe.</p>"
        ),
        "themes": ["coopération", "résidence", "écoute"],
        "variant": 1,
        "selections": [{"festival": "Festival Côté Court", "city": "Pantin"}],
    },
]

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
    films = _films(ctx)
    exhibition = _exhibition(ctx)
    _recordings(ctx)
    _diffusion(ctx, films)
    _requests(ctx, films)
    _link_soirees(films)
    _link_residency(ctx, films, exhibition)


def _link_soirees(films: list[FilmPage]) -> None:
    """Soirées load before films: point their projections, kept by title, at the catalogue."""
    by_title = {film.title.casefold(): film for film in films}
    for event in EventPage.objects.all():
        changed = False
        for block in event.programme:
            if block.block_type != "projection" or block.value.get("film") is not None:
                continue
            film = by_title.get((block.value.get("title") or "").casefold())
            if film is not None:
                block.value["film"] = film
                changed = True
        if changed:
            revision = event.save_revision()
            if event.live:
                revision.publish()


def _link_residency(ctx, films: list[FilmPage], exhibition: ExhibitionPage) -> None:
    """The films and the comic plates come from March 2024, which the residencies demo made."""
    march = ResidencyPage.objects.filter(slug="mars-2024").first()
    if march is None:
        return
    for film in films:
        if film.residency_id is None:
            film.residency = march
            film.save_revision().publish()
            ctx.created.append(f"film {film.title} linked to March 2024")
    outputs = list(march.outputs.all())
    unlinked = [o for o in outputs if o.kind == ResidencyOutput.Kind.COMIC and o.page_id is None]
    if unlinked:
        for output in unlinked:
            output.page = exhibition
        march.outputs = outputs
        march.save_revision().publish()
        ctx.created.append("March 2024 plates linked to the exhibition")


def _films(ctx) -> list[FilmPage]:
    index = ctx.page(
        ctx.home,
        FilmIndexPage,
        slug="films",
        title="Films",
        show_in_menus=True,
        intro="<p>Deux courts-métrages tournés en coopération pendant la résidence-laboratoire "
        "de mars 2024. Ils voyagent avec l’équipe : projection, puis échange avec le public.</p>",
    )
    films = []
    for data in FILMS:
        film = index.get_children().filter(slug=data["slug"]).first()
        if film is not None:
            films.append(film.specific)
            continue
        poster = placeholders.wagtail_image(
            f"Affiche provisoire · {data['title']}",
            placeholders.poster(data["title"], "On Est Raccord! · 2024", variant=data["variant"]),
        )
        thumb = placeholders.wagtail_image(
            f"Vignette vidéo · {data['title']}",
            placeholders.still(data["title"], variant=data["variant"]),
        )
        film = FilmPage(
            slug=data["slug"],
            title=data["title"],
            year=2024,
            tagline=data["tagline"],
            synopsis=data["synopsis"],
            poster=poster,
            poster_alt=f"Affiche provisoire : le titre « {data['title']} » en grandes lettres "
            "claires sur des bandes de couleur.",
            residency_label=RESIDENCY,
            availability_note="Copies de projection sur demande : dites-nous l’équipement du "
            "lieu, on s’adapte. Versions accessibles en préparation.",
            video_url=DEMO_VIDEO.format(slug=data["slug"]),
            video_thumbnail=thumb,
        )
        film.themes.add(*data["themes"])
        film.credits = [
            FilmCredit(role="Production", name="On Est Raccord! (résidence-laboratoire)"),
            FilmCredit(role="Lieu d’accueil", name="Bascule Argoat"),
            FilmCredit(role="Partenaires de la résidence", name=PARTNERS),
        ]
        film.selections = [FilmSelection(**s) for s in data["selections"]]
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
        index.add_child(instance=film)
        film.save_revision().publish()
        ctx.created.append(f"FilmPage /{data['slug']}/")
        films.append(film)
    return films


def _exhibition(ctx) -> ExhibitionPage:
    existing = ctx.home.get_children().filter(slug="exposition").first()
    if existing is not None:
        return existing.specific
    page = ExhibitionPage(
        slug="exposition",
        title="L’exposition",
        show_in_menus=True,
        author="Romane Rostoll",
        intro="<p>Dix planches de bande dessinée racontent la résidence-laboratoire de mars 2024 : "
        "ses enjeux, ses tensions et ses anecdotes. Elles accompagnent chaque soirée du "
        "collectif et peuvent être accueillies dans votre lieu.</p>",
        plate_format="10 planches de bande dessinée, à accrocher au mur ou sur grilles",
        hanging_length="Métrage à définir ensemble selon le lieu",
        setup="Le collectif peut venir accrocher et décrocher l’exposition avec vous.",
        transport="Les planches voyagent à plat ; transport à organiser ensemble, en train ou "
        "en covoiturage de préférence.",
        conditions="<p>L’exposition se prête pour quelques jours ou quelques semaines. Elle "
        "peut accompagner une projection des deux films et une table ronde.</p>",
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
    ctx.home.add_child(instance=page)
    page.save_revision().publish()
    ctx.created.append("ExhibitionPage /exposition/")
    return page


def _march_2025_soiree():
    """The events demo's March 2025 soirée, if the team kept it."""
    return (
        EventPage.objects.filter(start__date=date(2025, 3, 9)).first()
        or EventPage.objects.filter(title__icontains="soin").order_by("start").first()
    )


def _recordings(ctx) -> None:
    index = ctx.page(
        ctx.home,
        RecordingIndexPage,
        slug="captations",
        title="Captations",
        show_in_menus=False,  # linked from /diffusion/ and from each soirée
        intro="<p>Les tables rondes et les échanges des soirées, à revoir ou à écouter, avec leur "
        "transcription.</p>",
    )
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
    ctx.page(
        ctx.home,
        DiffusionPage,
        slug="diffusion",
        title="Diffusion",
        show_in_menus=True,
        intro="<p>Où les films et l’exposition sont déjà passés. Vous aimeriez les accueillir ? "
        "Demandez une projection accompagnée ou l’exposition.</p>",
    )
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
