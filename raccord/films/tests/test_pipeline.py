from datetime import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from raccord.films import services
from raccord.films.models import RequestActivity, ScreeningRequest, Showing


@pytest.fixture
def volunteer(db):
    return get_user_model().objects.create_superuser(
        "julie", "julie@example.org", "pw", first_name="Julie"
    )


@pytest.fixture
def soirees(ctx):
    from raccord.events.models import EventIndexPage

    return ctx.page(ctx.home, EventIndexPage, slug="soirees", title="Soirées")


@pytest.fixture
def screening_request(film, future):
    request, created = services.submit_request(
        kind="screening",
        email="camille@example.org",
        name="Camille",
        organisation_name="Ciné Lumière",
        venue_kind="cinema",
        venue_name="Salle Lumière",
        city="Rennes",
        date_from=future,
        films=[film],
        expected_audience=80,
        budget="pay_what_you_can",
        with_round_table=True,
        topics="Le soin",
        accessibility="Plain-pied",
    )
    assert created
    return request


@pytest.mark.django_db
def test_a_request_goes_through_the_whole_pipeline(screening_request, volunteer, soirees):
    services.move_request(screening_request, "in_discussion", by=volunteer, note="Appel prévu")
    services.move_request(screening_request, "confirmed", by=volunteer)
    services.move_request(screening_request, "done", by=volunteer)
    screening_request.refresh_from_db()
    assert screening_request.status == "done"
    assert screening_request.followed_by == volunteer
    journal = list(
        RequestActivity.objects.filter(request=screening_request).values_list(
            "from_status", "to_status"
        )
    )
    assert journal == [
        ("", "new"),
        ("new", "in_discussion"),
        ("in_discussion", "confirmed"),
        ("confirmed", "done"),
    ]
    showing = Showing.objects.get(request=screening_request)
    assert showing.city == "Rennes" and showing.audience == 80
    assert list(showing.films.all()) == list(screening_request.films.all())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], "done"),
        (["refused"], "confirmed"),
        (["confirmed", "done"], "in_discussion"),
        ([], "n-importe-quoi"),
    ],
)
def test_an_invalid_move_is_refused_in_french(screening_request, soirees, path, target):
    for step in path:
        services.move_request(screening_request, step)
    with pytest.raises(services.RequestError, match="Impossible|inconnue"):
        services.move_request(screening_request, target)
    screening_request.refresh_from_db()
    assert screening_request.status == (path[-1] if path else "new")


@pytest.mark.django_db
def test_confirming_creates_a_draft_soiree_filled_from_the_request(
    screening_request, soirees, volunteer
):
    services.move_request(screening_request, "confirmed", by=volunteer)
    screening_request.refresh_from_db()
    event = screening_request.event
    assert event is not None
    assert not event.live
    assert event.get_parent().specific == soirees
    assert "Ciné Lumière" in event.title and "Rennes" in event.title
    assert timezone.localtime(event.start).date() == screening_request.date_from
    assert timezone.localtime(event.start).time() == time(19, 0)
    assert event.end > event.start
    assert event.venue.name == "Salle Lumière" and event.venue.city == "Rennes"
    assert event.capacity == 80
    assert event.price_kind == "pwyc"
    assert "Récolter la tempête" in event.intro
    assert "Soirée créée en brouillon" in screening_request.activity.last().text
    # Reopened and confirmed again: still one soirée.
    services.move_request(screening_request, "refused")
    services.move_request(screening_request, "in_discussion")
    services.move_request(screening_request, "confirmed")
    assert type(event).objects.filter(title=event.title).count() == 1


@pytest.mark.django_db
def test_confirming_without_a_soirees_page_still_moves_the_request(screening_request):
    services.move_request(screening_request, "confirmed")
    screening_request.refresh_from_db()
    assert screening_request.status == "confirmed"
    assert screening_request.event is None


@pytest.mark.django_db
def test_notes_and_follower_are_kept_in_the_journal(screening_request, volunteer):
    services.add_note(screening_request, "Rappeler lundi", by=volunteer)
    services.assign(screening_request, volunteer, by=volunteer)
    texts = list(screening_request.activity.values_list("text", flat=True))
    assert "Rappeler lundi" in texts and "Suivie par : Julie." in texts
    with pytest.raises(services.RequestError, match="vide"):
        services.add_note(screening_request, "  ")


@pytest.mark.django_db
def test_service_refuses_past_dates_even_without_the_form():
    with pytest.raises(services.RequestError, match="futur"):
        services.submit_request(
            kind="screening",
            email="a@example.org",
            name="A",
            organisation_name="X",
            venue_kind="other",
            city="Y",
            date_from=timezone.localdate(),
            budget="pay_what_you_can",
        )
    assert not ScreeningRequest.objects.exists()


# --- Admin -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_team_follows_a_request_from_the_admin(client, screening_request, volunteer, soirees):
    client.force_login(volunteer)
    listing = client.get("/admin/diffusion/demandes/")
    assert listing.status_code == 200
    assert "Ciné Lumière" in listing.content.decode()
    page = client.get(f"/admin/diffusion/demandes/inspect/{screening_request.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Passer à « En discussion »" in html and "Passer à « Réalisée »" not in html
    act = f"/admin/diffusion/demandes/act/{screening_request.pk}/"
    response = client.post(act, {"action": "move", "to": "confirmed", "note": "OK pour mars"})
    assert response.status_code == 302
    screening_request.refresh_from_db()
    assert screening_request.status == "confirmed" and screening_request.event is not None
    response = client.post(act, {"action": "move", "to": "new"}, follow=True)
    assert (
        "Impossible de passer une demande « Confirmée » à l’étape « Nouvelle »."
        in response.content.decode()
    )
    client.post(act, {"action": "note", "note": "Affiche envoyée"})
    assert screening_request.activity.filter(text="Affiche envoyée", by=volunteer).exists()
    assert client.get(act).status_code == 405
    assert client.get("/admin/diffusion/realisees/").status_code == 200
    export = client.get("/admin/diffusion/demandes/?export=csv")
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Ciné Lumière" in content and "camille@example.org" in content


@pytest.mark.django_db
def test_people_without_admin_rights_cannot_act(client, screening_request):
    user = get_user_model().objects.create_user("visiteur", "v@example.org", "pw")
    client.force_login(user)
    response = client.post(
        f"/admin/diffusion/demandes/act/{screening_request.pk}/",
        {"action": "move", "to": "refused"},
    )
    assert response.status_code in (302, 403)
    screening_request.refresh_from_db()
    assert screening_request.status == "new"
