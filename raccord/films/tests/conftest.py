"""Fixtures for the films app: pages built the way the demo builds them, and factories."""

from __future__ import annotations

from datetime import timedelta

import pytest
from altcha import Challenge, Payload, solve_challenge
from django.utils import timezone
from django.utils.text import slugify

from raccord.core import altcha
from raccord.core.demo_support import DemoContext
from raccord.films import placeholders
from raccord.films.models import (
    ComicPlate,
    DiffusionPage,
    ExhibitionPage,
    FilmCredit,
    FilmIndexPage,
    FilmPage,
    FilmStill,
)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.RACCORD_PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def altcha_proof(settings):
    """`altcha_proof()` solves a light challenge, as the widget does in the browser."""
    settings.RACCORD_ALTCHA_COST = 20
    settings.RACCORD_ALTCHA_SPREAD = 30

    def solve() -> str:
        challenge = Challenge.from_dict(altcha.new_challenge())
        return Payload(challenge, solve_challenge(challenge)).to_base64()

    return solve


@pytest.fixture
def ctx(site):
    from raccord.core import demo

    context = DemoContext()
    demo.load(context)
    return context


@pytest.fixture
def film_index(ctx):
    return ctx.page(ctx.home, FilmIndexPage, slug="films", title="Films", show_in_menus=True)


@pytest.fixture
def image():
    return placeholders.wagtail_image("Test poster", placeholders.poster("Test", size=(120, 168)))


def make_film(
    index, *, title="Récolter la tempête", slug=None, credits=2, stills=1, image=None, video_url=""
):
    film = FilmPage(
        title=title,
        slug=slug or slugify(title),
        year=2024,
        duration_minutes=18,
        synopsis="<p>Un film tourné en coopération.</p>",
        poster=image,
        poster_alt="Affiche de test",
        video_url=video_url,
        video_thumbnail=image,
        format_dcp=True,
        sdh_subtitles=True,
    )
    film.themes.add("coopération", "soin")
    film.credits = [FilmCredit(role=f"Rôle {n}", name=f"Personne {n}") for n in range(credits)]
    if image is not None:
        film.stills = [FilmStill(image=image, alt=f"Photogramme {n}") for n in range(stills)]
    index.add_child(instance=film)
    film.save_revision().publish()
    return film


@pytest.fixture
def film(film_index, image):
    return make_film(
        film_index, image=image, video_url="https://www.youtube.com/watch?v=abcdefghijk"
    )


@pytest.fixture
def exhibition(ctx, image):
    page = ExhibitionPage(slug="exposition", title="L’exposition", author="Romane Rostoll")
    page.plates = [
        ComicPlate(
            title=f"Planche {n}",
            alt=f"Résumé {n}",
            description=f"Description complète {n}",
            image=image,
        )
        for n in range(1, 4)
    ]
    ctx.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def diffusion_page(ctx):
    return ctx.page(ctx.home, DiffusionPage, slug="diffusion", title="Diffusion")


@pytest.fixture
def future():
    return timezone.localdate() + timedelta(days=30)


@pytest.fixture
def request_data(future):
    """A valid POST of the screening request form."""
    return {
        "organisation_name": "Ciné Lumière",
        "venue_kind": "cinema",
        "venue_name": "",
        "city": "Rennes",
        "date_from": future.isoformat(),
        "date_to": "",
        "dates_note": "",
        "expected_audience": "80",
        "with_team": "on",
        "with_round_table": "on",
        "topics": "Le soin sur les tournages",
        "budget": "pay_what_you_can",
        "budget_amount": "",
        "technical_setup": "Projecteur DCP",
        "accessibility": "Salle de plain-pied",
        "message": "Bonjour !",
        "name": "Camille Martin",
        "email": "camille@example.org",
        "phone": "",
        "site_web": "",
    }
