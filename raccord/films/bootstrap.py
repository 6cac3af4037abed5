"""The collective's films, its exhibition, and the pages that let venues ask for them.

The two short films and the ten comic plates exist; their images, videos and detailed synopses
are the team's to add (the demo draws placeholders). Nothing here invents a showing or a request.
"""

from __future__ import annotations

from raccord.events.models import EventPage
from raccord.residencies.models import ResidencyOutput, ResidencyPage

from .models import (
    DiffusionPage,
    ExhibitionPage,
    FilmCredit,
    FilmIndexPage,
    FilmPage,
    FilmSelection,
    RecordingIndexPage,
)

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


def load(ctx) -> None:
    if ctx.home is None:
        return
    films = [_film(ctx, film_index(ctx), data) for data in FILMS]
    exhibition = _exhibition(ctx)
    recordings_index(ctx)
    diffusion_page(ctx)
    _link_soirees(films)
    _link_residency(ctx, films, exhibition)


def film_index(ctx) -> FilmIndexPage:
    return ctx.page(
        ctx.home,
        FilmIndexPage,
        slug="films",
        title="Films",
        show_in_menus=True,
        intro="<p>Deux courts-métrages tournés en coopération pendant la résidence-laboratoire "
        "de mars 2024. Ils voyagent avec l’équipe : projection, puis échange avec le public.</p>",
    )


def _film(ctx, index, data) -> FilmPage:
    existing = index.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    film = FilmPage(
        slug=data["slug"],
        title=data["title"],
        year=2024,
        tagline=data["tagline"],
        synopsis=data["synopsis"],
        residency_label=RESIDENCY,
        availability_note="Copies de projection sur demande : dites-nous l’équipement du "
        "lieu, on s’adapte.",
    )
    film.themes.add(*data["themes"])
    film.credits = [
        FilmCredit(role="Production", name="On Est Raccord! (résidence-laboratoire)"),
        FilmCredit(role="Lieu d’accueil", name="Bascule Argoat"),
        FilmCredit(role="Partenaires de la résidence", name=PARTNERS),
    ]
    film.selections = [FilmSelection(**s) for s in data["selections"]]
    index.add_child(instance=film)
    film.save_revision().publish()
    ctx.created.append(f"FilmPage /{data['slug']}/")
    return film


def _exhibition(ctx) -> ExhibitionPage:
    return ctx.page(
        ctx.home,
        ExhibitionPage,
        slug="exposition",
        title="L’exposition",
        show_in_menus=True,
        author="Romane Rostoll",
        intro="<p>Dix planches de bande dessinée racontent la résidence-laboratoire de mars 2024 : "
        "ses enjeux, ses tensions et ses anecdotes. Elles accompagnent chaque soirée du "
        "collectif et peuvent être accueillies dans votre lieu.</p>",
        plate_format="10 planches de bande dessinée",
        setup="Le collectif peut venir accrocher et décrocher l’exposition avec vous.",
        conditions="<p>L’exposition peut accompagner une projection des deux films et une table "
        "ronde. Écrivez-nous pour en parler.</p>",
    )


def recordings_index(ctx) -> RecordingIndexPage:
    return ctx.page(
        ctx.home,
        RecordingIndexPage,
        slug="captations",
        title="Captations",
        show_in_menus=False,  # linked from /diffusion/ and from each soirée
        intro="<p>Les tables rondes et les échanges des soirées, à revoir ou à écouter, avec leur "
        "transcription.</p>",
    )


def diffusion_page(ctx) -> DiffusionPage:
    return ctx.page(
        ctx.home,
        DiffusionPage,
        slug="diffusion",
        title="Diffusion",
        show_in_menus=True,
        intro="<p>Où les films et l’exposition sont déjà passés. Vous aimeriez les accueillir ? "
        "Demandez une projection accompagnée ou l’exposition.</p>",
    )


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
