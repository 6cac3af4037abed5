import re

import pytest

from raccord.films.models import (
    ComicPlate,
    FilmCredit,
    FilmStill,
    RecordingChapter,
    RecordingIndexPage,
    RecordingPage,
    Showing,
)

from .conftest import make_film


def assert_cacheable(response):
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def external_sources(html: str) -> list[str]:
    """Every address the browser would fetch by itself (src, srcset, link href)."""
    found = re.findall(r'(?<![\w-])(?:src|srcset|poster)="([^"]+)"', html)
    found += re.findall(
        r'<link[^>]+rel="(?:stylesheet|preload|icon|modulepreload)"[^>]+href="([^"]+)"', html
    )
    return [url for url in found if url.startswith(("http:", "https:", "//"))]


@pytest.mark.django_db
def test_catalogue_lists_the_films_with_their_posters(client, film):
    response = client.get("/films/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Récolter la tempête" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert "srcset=" in html
    assert 'alt="Affiche de test"' in html
    assert_cacheable(response)


@pytest.mark.django_db
def test_catalogue_comes_in_pages(client, film_index, monkeypatch):
    from raccord.films.models import FilmIndexPage, FilmPage

    monkeypatch.setattr(FilmIndexPage, "per_page", 2)
    for n, year in enumerate((2021, 2022, 2023)):
        film = make_film(film_index, title=f"Film de {year}", slug=f"film-{n}")
        FilmPage.objects.filter(pk=film.pk).update(year=year)
    first = client.get("/films/").content.decode()
    assert "Film de 2023" in first and "Film de 2022" in first and "Film de 2021" not in first
    assert "Page 1 sur 2" in first and 'href="?page=2"' in first
    second = client.get("/films/?page=2").content.decode()
    assert "Film de 2021" in second and "Film de 2023" not in second
    assert "Film de 2023" in client.get("/films/?page=abc").content.decode()


@pytest.mark.django_db
def test_film_page_shows_credits_themes_formats_and_accessibility(client, film):
    response = client.get(film.url)
    html = response.content.decode()
    assert "Rôle 0" in html and "Personne 1" in html
    assert "coopération" in html and "soin" in html
    assert "DCP" in html
    assert "sous-titres pour personnes sourdes et malentendantes" in html
    assert "Demander une projection accompagnée" in html
    assert f"?film={film.slug}" in html
    assert_cacheable(response)


@pytest.mark.django_db
def test_film_video_waits_for_a_click_and_only_this_page_allows_its_host(client, film):
    response = client.get(film.url)
    html = response.content.decode()
    assert "<iframe" not in html
    assert external_sources(html) == []
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html  # works without JS
    assert (
        "frame-src 'self' https://www.youtube-nocookie.com" in response["Content-Security-Policy"]
    )
    home = client.get("/films/")
    assert "youtube" not in home["Content-Security-Policy"]


@pytest.mark.django_db
def test_film_without_video_keeps_the_strict_frame_policy(client, film_index):
    film = make_film(film_index, title="Sur écoute", slug="sur-ecoute")
    response = client.get(film.url)
    assert '<figure class="video-embed"' not in response.content.decode()
    assert "frame-src 'self';" in response["Content-Security-Policy"] + ";"


@pytest.mark.django_db
def test_exhibition_shows_every_page_with_its_full_description(client, exhibition):
    response = client.get("/exposition/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="plate"') == 3
    assert "Description complète 2" in html
    assert "<details" in html
    assert 'href="/exposition/planche-2/"' in html
    assert 'type="image/avif"' in html
    assert "Romane Rostoll" in html
    assert "Accueillir l’exposition" in html
    assert_cacheable(response)


@pytest.mark.django_db
def test_each_comic_page_opens_large_without_javascript(client, exhibition):
    response = client.get("/exposition/planche-2/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Planche 2 sur 3" in html
    assert "Description complète 2" in html
    assert 'rel="prev" href="/exposition/planche-1/"' in html
    assert 'rel="next" href="/exposition/planche-3/"' in html
    assert "srcset=" in html
    assert client.get("/exposition/planche-4/").status_code == 404
    assert client.get("/exposition/planche-0/").status_code == 404


@pytest.mark.django_db
def test_recording_page_shows_chapters_transcript_and_its_soiree(client, ctx):
    from datetime import datetime, timedelta

    from django.utils import timezone

    from raccord.events.models import EventIndexPage, EventPage

    events = ctx.page(ctx.home, EventIndexPage, slug="soirees", title="Soirées")
    start = timezone.make_aware(datetime(2025, 3, 9, 18, 0))
    soiree = EventPage(
        title="Prendre soin sur les plateaux",
        slug="soin",
        start=start,
        end=start + timedelta(hours=5),
    )
    events.add_child(instance=soiree)
    soiree.save_revision().publish()
    index = ctx.page(ctx.home, RecordingIndexPage, slug="captations", title="Captations")
    recording = RecordingPage(
        title="Table ronde sur le soin",
        slug="table-ronde",
        recorded_on=start.date(),
        event=soiree,
        transcript="<p>Bonsoir à toutes et à tous.</p>",
        video_url="https://vimeo.com/123456789",
    )
    recording.chapters = [
        RecordingChapter(start="0:00", title="Accueil"),
        RecordingChapter(start="12:30", title="Tour de table"),
    ]
    index.add_child(instance=recording)
    recording.save_revision().publish()
    assert list(soiree.recordings.all()) == [recording]

    html = client.get(recording.url).content.decode()
    assert "Tour de table" in html and "12:30" in html
    assert "Bonsoir à toutes et à tous." in html
    assert 'href="/soirees/soin/"' in html
    assert "<iframe" not in html
    assert "Table ronde sur le soin" in client.get("/captations/").content.decode()


@pytest.mark.django_db
def test_diffusion_page_draws_the_chart_and_timeline_server_side(client, diffusion_page, film):
    from datetime import date

    Showing.objects.create(
        date=date(2024, 11, 21), title="Soirée de novembre", city="Paris", audience=60
    )
    second = Showing.objects.create(
        date=date(2025, 3, 9),
        title="Soirée de mars",
        venue="le DOC",
        city="Paris",
        with_exhibition=True,
        audience=90,
    )
    second.films.add(film)
    Showing.objects.create(date=date(2025, 5, 1), title="Cachée", city="Lyon", is_public=False)
    response = client.get("/diffusion/")
    html = response.content.decode()
    assert "<svg" in html and "<rect" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Soirée de mars" in html and "le DOC" in html
    assert "Cachée" not in html
    assert "150" in html  # total audience
    assert html.index("Soirée de mars") < html.index("Soirée de novembre")  # newest first
    assert "Demander une projection accompagnée" in html
    assert_cacheable(response)


# --- Query budgets: the same number of queries at two data sizes ---------------------------


def _queries(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # first visit creates the image renditions
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_catalogue_queries_do_not_grow_with_films(
    client, film_index, image, django_assert_max_num_queries
):
    make_film(film_index, title="Film 1", slug="film-1", image=image)
    small = _queries(client, "/films/", django_assert_max_num_queries, 14)
    for n in range(2, 8):
        make_film(film_index, title=f"Film {n}", slug=f"film-{n}", image=image)
    large = _queries(client, "/films/", django_assert_max_num_queries, 14)
    assert large == small


@pytest.mark.django_db
def test_film_page_queries_do_not_grow_with_credits_and_stills(
    client, film_index, image, django_assert_max_num_queries
):
    film = make_film(film_index, title="Film", slug="film", image=image, credits=1, stills=1)
    small = _queries(client, film.url, django_assert_max_num_queries, 22)
    film = film.get_latest_revision_as_object()
    film.credits = [FilmCredit(role=f"Rôle {n}", name=f"Nom {n}") for n in range(15)]
    film.stills = [FilmStill(image=image, alt=f"Image {n}") for n in range(10)]
    film.save_revision().publish()
    large = _queries(client, film.url, django_assert_max_num_queries, 22)
    assert "Nom 14" in client.get(film.url).content.decode()
    assert large == small


@pytest.mark.django_db
def test_exhibition_queries_do_not_grow_with_pages(
    client, exhibition, image, django_assert_max_num_queries
):
    small = _queries(client, "/exposition/", django_assert_max_num_queries, 12)
    page = exhibition.get_latest_revision_as_object()
    page.plates = [
        ComicPlate(title=f"P{n}", alt="a", description="d", image=image) for n in range(12)
    ]
    page.save_revision().publish()
    large = _queries(client, "/exposition/", django_assert_max_num_queries, 12)
    assert large == small
    plate = _queries(client, "/exposition/planche-12/", django_assert_max_num_queries, 12)
    assert plate <= small


@pytest.mark.django_db
def test_a_cached_film_page_keeps_its_video_host_and_other_pages_do_not_get_it(
    client, film, page_cache_on
):
    client.get(film.url)
    cached = client.get(film.url)
    assert cached["X-Page-Cache"] == "hit"
    assert "https://www.youtube-nocookie.com" in cached["Content-Security-Policy"]
    assert "youtube" not in client.get("/films/")["Content-Security-Policy"]


# --- What other apps reach without naming this one ------------------------------------------


def test_blocks_of_other_apps_choose_films_by_their_kind():
    from raccord.core.blocks import KindPageChooserBlock
    from raccord.films.models import FilmPage

    assert KindPageChooserBlock("film").target_models == [FilmPage]


@pytest.mark.django_db
def test_a_residency_lists_its_published_films_by_title(ctx, film_index):
    from raccord.films.models import FilmPage
    from raccord.residencies.models import ResidencyIndexPage, ResidencyPage

    residencies = ctx.page(ctx.home, ResidencyIndexPage, slug="residences", title="Résidences")
    residency = ResidencyPage(title="Mars 2024", slug="mars-2024")
    residencies.add_child(instance=residency)
    for title in ("Sur écoute", "Récolter la tempête", "Brouillon"):
        film = make_film(film_index, title=title)
        film.residency = residency
        film.save_revision().publish()
    make_film(film_index, title="Ailleurs")
    FilmPage.objects.filter(title="Brouillon").update(live=False)
    assert [f.title for f in residency.films.published()] == ["Récolter la tempête", "Sur écoute"]


@pytest.mark.django_db
def test_the_team_can_preview_the_exhibition_and_its_plates_stay_mounted(client, exhibition):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("julie", "j@example.org", "pw"))
    response = client.get(f"/admin/pages/{exhibition.pk}/view_draft/")
    assert response.status_code == 200
    assert 'href="/exposition/planche-3/"' in response.content.decode()


@pytest.mark.django_db
def test_a_film_page_links_its_residency_and_the_residency_links_the_film(client, ctx, film_index):
    from raccord.residencies.models import ResidencyIndexPage, ResidencyPage

    residencies = ctx.page(ctx.home, ResidencyIndexPage, slug="residences", title="Résidences")
    residency = ResidencyPage(title="Mars 2024", slug="mars-2024")
    residencies.add_child(instance=residency)
    residency.save_revision().publish()
    film = make_film(film_index, title="Sur écoute")
    film.residency = residency
    film.residency_label = "Résidence-laboratoire de mars 2024"
    film.save_revision().publish()

    film_html = client.get(film.url).content.decode()
    assert f'<a href="{residency.url}">Résidence-laboratoire de mars 2024</a>' in film_html
    residency_html = client.get(residency.url).content.decode()
    assert f'<a href="{film.url}">Sur écoute</a>' in residency_html
