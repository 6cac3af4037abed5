"""Stored values are English codes; people read French labels; old French rows are converted."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from raccord.films import services
from raccord.films.models import FilmPage, RequestActivity, ScreeningRequest

from .conftest import make_film

migration = import_module("raccord.films.migrations.0002_values_in_english")


@pytest.fixture
def exhibition_request(future):
    request, _ = services.submit_request(
        kind=ScreeningRequest.Kind.EXHIBITION,
        email="lieu@example.org",
        name="Sacha",
        organisation_name="Tiers-lieu du Port",
        venue_kind=ScreeningRequest.VenueKind.ACTIVIST,
        city="Brest",
        date_from=future,
        budget=ScreeningRequest.Budget.FREE,
    )
    return request


@pytest.mark.django_db
def test_a_request_is_stored_in_english_and_the_team_reads_it_in_french(client, exhibition_request):
    stored = ScreeningRequest.objects.filter(pk=exhibition_request.pk).values(
        "kind", "status", "venue_kind", "budget"
    )[0]
    assert stored == {
        "kind": "exhibition",
        "status": "new",
        "venue_kind": "activist_venue",
        "budget": "pay_what_you_can",
    }
    client.force_login(get_user_model().objects.create_superuser("julie", "j@example.org", "pw"))
    html = client.get(f"/admin/diffusion/demandes/inspect/{exhibition_request.pk}/").content
    html = html.decode()
    assert "Étape : Nouvelle" in html
    assert "Accueil de l’exposition" in html and "Lieu militant ou tiers-lieu" in html
    assert "Prix libre (participation libre du public)" in html
    export = client.get("/admin/diffusion/demandes/?export=csv")
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Accueil de l’exposition" in content and "Nouvelle" in content
    assert "Lieu militant ou tiers-lieu" in content
    assert "exhibition" not in content and "activist_venue" not in content


@pytest.mark.django_db
def test_a_film_is_stored_in_english_and_its_page_says_it_in_french(client, film_index):
    film = make_film(film_index, title="Un long", slug="un-long")
    FilmPage.objects.filter(pk=film.pk).update(
        length=FilmPage.Length.FEATURE, genre=FilmPage.Genre.DOCUMENTARY
    )
    assert FilmPage.objects.filter(pk=film.pk).values_list("length", "genre")[0] == (
        "feature",
        "documentary",
    )
    assert "Long-métrage · documentaire" in client.get("/films/").content.decode()
    assert "Long-métrage · documentaire" in client.get("/films/un-long/").content.decode()


@pytest.mark.django_db
def test_french_codes_of_earlier_rows_become_english_and_back(film_index, exhibition_request):
    film = make_film(film_index, title="Ancien", slug="ancien")
    services.move_request(exhibition_request, ScreeningRequest.Status.REFUSED)
    # Rows as the first version stored them, French codes in the film's revision too.
    FilmPage.objects.filter(pk=film.pk).update(length="court", video_kind="bande-annonce")
    revision = film.latest_revision
    revision.content = {**revision.content, "length": "moyen", "genre": "hybride"}
    revision.save(update_fields=["content"])
    ScreeningRequest.objects.update(
        kind="exposition", status="refusee", venue_kind="lieu_militant", budget="prix_libre"
    )
    RequestActivity.objects.filter(to_status="refused").update(
        from_status="nouvelle", to_status="refusee"
    )

    migration.forwards(apps, None)
    assert FilmPage.objects.filter(pk=film.pk).values_list("length", "video_kind")[0] == (
        "short",
        "trailer",
    )
    revision.refresh_from_db()
    assert (revision.content["length"], revision.content["genre"]) == ("medium", "hybrid")
    assert ScreeningRequest.objects.values_list("kind", "status", "venue_kind", "budget")[0] == (
        "exhibition",
        "refused",
        "activist_venue",
        "pay_what_you_can",
    )
    assert RequestActivity.objects.filter(from_status="new", to_status="refused").exists()

    migration.backwards(apps, None)
    assert ScreeningRequest.objects.values_list("kind", "status", "venue_kind", "budget")[0] == (
        "exposition",
        "refusee",
        "lieu_militant",
        "prix_libre",
    )
    assert FilmPage.objects.filter(pk=film.pk).values_list("length", flat=True)[0] == "court"
    revision.refresh_from_db()
    assert revision.content["length"] == "moyen"
