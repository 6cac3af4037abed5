"""The team's side: desk, registrations with CSV export, check-in at the door, writing to all."""

import re
from datetime import UTC, datetime

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


def _ics_names(mail):
    return [name for name, *_ in mail.attachments if name.endswith(".ics")]


def test_the_team_cancels_a_confirmed_registration_and_the_waitlist_is_served_in_order(
    team, make_event, register, sent_mails
):
    event = make_event(capacity=2, title="Prendre soin sur les plateaux")
    seat = register(event, name="Colin", email="colin@exemple.org", seats=2)
    register(event, name="Ana", email="ana@exemple.org")
    register(event, name="Bea", email="bea@exemple.org")
    before = len(sent_mails())

    inspect = team.get(f"/admin/soirees/inscriptions/inspect/{seat.pk}/").content.decode()
    assert "Annuler cette inscription" in inspect
    assert f"/admin/soirees/inscriptions/delete/{seat.pk}/" not in inspect
    form = team.get(f"/admin/soirees/inscriptions/{seat.pk}/annuler/").content.decode()
    assert "2 personnes en liste d’attente" in form

    response = team.post(
        f"/admin/soirees/inscriptions/{seat.pk}/annuler/",
        {"reason": "Doublon avec une autre inscription", "notify": "on"},
    )
    assert response.status_code == 302
    mails = sent_mails()[before:]
    ana = [m for m in mails if m.to == ["ana@exemple.org"]]
    assert len(ana) == 1 and "confirmée" in ana[0].body
    assert _ics_names(ana[0])
    (colin,) = [m for m in mails if m.to == ["colin@exemple.org"]]
    assert "Doublon avec une autre inscription" in colin.body
    assert not _ics_names(colin)
    statuses = dict(Registration.objects.filter(event=event).values_list("name", "status"))
    assert statuses["Colin"] == "cancelled"
    assert statuses["Ana"] == "confirmed"
    page = team.get(response["Location"]).content.decode()
    assert "Annulée" in page and "Doublon avec une autre inscription" in page


def test_the_team_cancels_without_mailing_the_person(team, event, register, sent_mails):
    registration = register(event, email="discret@exemple.org")
    before = len(sent_mails())
    response = team.post(
        f"/admin/soirees/inscriptions/{registration.pk}/annuler/", {"reason": "Erreur de saisie"}
    )
    assert response.status_code == 302
    assert not sent_mails()[before:]
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.cancel_reason == "Erreur de saisie"


def test_a_cancellation_without_reason_is_refused(team, event, register):
    registration = register(event)
    response = team.post(f"/admin/soirees/inscriptions/{registration.pk}/annuler/", {})
    assert response.status_code == 400
    assert "Indiquez le motif de l’annulation." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_team_cannot_delete_a_registration(team, event, register):
    registration = register(event)
    listing = team.get(f"/admin/soirees/inscriptions/?event={event.pk}").content.decode()
    assert f"/delete/{registration.pk}/" not in listing
    response = team.post(f"/admin/soirees/inscriptions/delete/{registration.pk}/")
    assert response.status_code in (302, 403)
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_a_registration_reads_as_labelled_answers_yes_no_and_paris_time(team, make_event, register):
    event = make_event(ask_dietary=True, custom_question="Venez-vous en vélo ?")
    registration = register(event, answers={"dietary": "sans gluten", "custom": "oui"})
    Registration.objects.filter(pk=registration.pk).update(
        created_at=datetime(2026, 7, 1, 16, 5, tzinfo=UTC)
    )
    html = team.get(f"/admin/soirees/inscriptions/inspect/{registration.pk}/").content.decode()
    fields = re.search(r"<dl>(.*?)</dl>", html, re.S).group(1)
    assert re.search(r"<dt>Régime alimentaire ou allergies</dt>\s*<dd>\s*sans gluten", fields)
    assert re.search(r"<dt>Venez-vous en vélo \?</dt>\s*<dd>\s*oui", fields)
    assert "1 juillet 2026 à 18:05" in fields  # Paris summer time
    assert re.search(r"<dt>Veut l’infolettre</dt>\s*<dd>\s*Non", fields)
    for raw in ("False", "None", "+00:00", "{&quot;"):
        assert raw not in fields

    edit = team.get(f"/admin/soirees/inscriptions/edit/{registration.pk}/").content.decode()
    assert 'name="answer_dietary"' in edit and "Venez-vous en vélo ?" in edit
    assert 'name="answers"' not in edit
    response = team.post(
        f"/admin/soirees/inscriptions/edit/{registration.pk}/",
        {"name": "Julie D.", "answer_dietary": "végétarien", "answer_custom": ""},
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.name == "Julie D."
    assert registration.answers == {"dietary": "végétarien"}
    assert registration.status == "confirmed"
