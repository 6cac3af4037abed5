"""The team's side: desk, registrations with CSV export, check-in at the door, writing to all."""

import pytest
from django.contrib.auth import get_user_model

from raccord.events.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, site):
    user = get_user_model().objects.create_superuser("equipe", "equipe@exemple.org", "pw")
    client.force_login(user)
    return client


def test_the_desk_shows_counts_and_fill_rate(team, event, register):
    register(event, seats=4)
    html = team.get("/admin/soirees/").content.decode()
    assert event.title in html
    assert "10 %" in html
    detail = team.get(f"/admin/soirees/{event.pk}/").content.decode()
    assert "places confirmées" in detail


def test_registrations_list_with_answers_and_csv_export(team, make_event, register):
    event = make_event(ask_dietary=True)
    register(event, name="Julie", answers={"dietary": "sans gluten"})
    html = team.get(f"/admin/soirees/inscriptions/?event={event.pk}").content.decode()
    assert "Julie" in html and "sans gluten" in html
    export = team.get(f"/admin/soirees/inscriptions/?event={event.pk}&export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Julie" in body and "sans gluten" in body


def test_check_in_marks_a_person_present_in_one_tap(team, event, register):
    registration = register(event, name="Paul Meigné")
    register(event, name="Quelqu’un d’autre")
    page = team.get(f"/admin/soirees/{event.pk}/accueil/?q=meign").content.decode()
    assert "Paul Meigné" in page and "Quelqu’un d’autre" not in page
    response = team.post(
        f"/admin/soirees/{event.pk}/accueil/",
        {"registration": registration.pk, "present": "1", "q": "meign"},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.present_at is not None


def test_check_in_refuses_a_post_without_csrf(site, event, register):
    from django.test import Client

    user = get_user_model().objects.create_superuser("porte", "porte@exemple.org", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    registration = register(event)
    response = client.post(
        f"/admin/soirees/{event.pk}/accueil/", {"registration": registration.pk, "present": "1"}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.present_at is None


def test_writing_to_all_registrants(team, event, register, sent_mails):
    register(event, email="un@exemple.org")
    register(event, email="deux@exemple.org")
    before = len(sent_mails())
    response = team.post(
        f"/admin/soirees/{event.pk}/ecrire/",
        {"audience": "confirmed", "subject": "Infos pratiques", "body": "Apportez un gobelet."},
    )
    assert response.status_code == 302
    mails = sent_mails()[before:]
    assert sorted(m.to[0] for m in mails) == ["deux@exemple.org", "un@exemple.org"]


def test_people_without_permission_cannot_open_the_desk(client, site, event):
    user = get_user_model().objects.create_user("curieux", "c@exemple.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/soirees/{event.pk}/accueil/").status_code in (302, 403)
    assert not Registration.objects.filter(present_at__isnull=False).exists()


def test_the_team_can_open_the_soiree_editor_and_the_venue_list(team, event, index):
    assert team.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    assert team.get(f"/admin/pages/add/events/eventpage/{index.pk}/").status_code == 200
    venues = team.get("/admin/snippets/events/venue/")
    assert venues.status_code == 200 and "le DOC" in venues.content.decode()
