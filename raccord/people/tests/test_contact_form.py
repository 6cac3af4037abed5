"""The contact form on /nous-rencontrer/: stored once, both sides told, bots and floods refused."""

import pytest

from raccord.people.models import Consent, Contact, ContactMessage

pytestmark = pytest.mark.django_db

URL = "/nous-rencontrer/"
GOOD = {
    "name": "Camille Martin",
    "email": "Camille@Example.org",
    "subject": "Une projection dans notre ciné-club",
    "message": "Bonjour, nous aimerions accueillir vos films au printemps. On en parle ?",
    "consent": "on",
}


def test_the_form_is_on_the_page_without_csrf_token_for_anonymous_visitors(client, site):
    response = client.get(URL)
    html = response.content.decode()
    assert '<form method="post"' in html
    assert 'name="site_web"' in html and 'class="hp-field"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_a_message_is_stored_linked_to_the_contact_and_both_sides_are_mailed(
    client, site, sent_mails, settings
):
    response = client.post(URL, GOOD)
    assert response.status_code == 303
    assert response["Location"] == URL + "?envoye=1"
    assert not response.cookies

    message = ContactMessage.objects.get()
    assert message.contact.email == "camille@example.org"
    assert message.subject == GOOD["subject"]
    assert message.status == ContactMessage.Status.NEW
    consent = Consent.objects.get(contact=message.contact)
    assert consent.kind == Consent.Kind.CONTACT
    assert "J’accepte" in consent.wording

    ack, notification = sorted(sent_mails(), key=lambda m: m.to[0] != "camille@example.org")
    assert ack.to == ["camille@example.org"]
    assert "bien reçu" in ack.subject
    assert "Nous aimerions" in ack.body or "nous aimerions" in ack.body
    assert notification.to == [settings.RACCORD_TEAM_EMAIL]
    assert notification.reply_to == ["camille@example.org"]
    assert "Camille Martin" in notification.subject
    assert "/admin/messages/" in notification.body

    thanks = client.get(response["Location"]).content.decode()
    assert "votre message est bien arrivé" in thanks


def test_invalid_input_stores_nothing_and_explains_in_french(client, site, sent_mails):
    response = client.post(URL, {**GOOD, "email": "pas-une-adresse", "consent": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette adresse e-mail ne semble pas valide" in html
    assert "Cochez cette case" in html
    assert 'value="Camille Martin"' in html  # what was typed is kept
    assert ContactMessage.objects.count() == 0
    assert Contact.objects.count() == 0
    assert sent_mails() == []


def test_empty_form_lists_each_missing_field(client, site):
    response = client.post(URL, {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indiquez votre nom" in html
    assert "Indiquez votre adresse e-mail" in html
    assert "Écrivez votre message" in html
    assert ContactMessage.objects.count() == 0


def test_a_bot_filling_the_honeypot_sees_success_but_nothing_is_stored(client, site, sent_mails):
    response = client.post(URL, {**GOOD, "site_web": "http://spam.example"})
    assert response.status_code == 303
    assert ContactMessage.objects.count() == 0
    assert Contact.objects.count() == 0
    assert sent_mails() == []


def test_too_many_messages_from_one_address_get_a_french_429(client, site):
    for i in range(5):
        client.post(URL, {**GOOD, "subject": f"Message {i}"})
    response = client.post(URL, {**GOOD, "subject": "Un de trop"})
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert ContactMessage.objects.count() == 5


def test_a_double_submit_stores_one_message_and_mails_once(client, site, sent_mails):
    first = client.post(URL, GOOD)
    second = client.post(URL, {**GOOD, "message": "  " + GOOD["message"] + " "})
    assert first.status_code == second.status_code == 303
    assert ContactMessage.objects.count() == 1
    assert len(sent_mails()) == 2


def test_a_post_from_another_site_is_refused(client, site):
    response = client.post(URL, GOOD, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert ContactMessage.objects.count() == 0


def test_the_team_finds_messages_in_the_admin_and_marks_them_handled(client, site, admin_user):
    client.post(URL, GOOD)
    message = ContactMessage.objects.get()
    client.force_login(admin_user)
    listing = client.get("/admin/messages/")
    assert listing.status_code == 200
    assert GOOD["subject"] in listing.content.decode()
    response = client.post(
        f"/admin/messages/edit/{message.pk}/", {"status": "handled", "team_notes": "Répondu."}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.HANDLED
    assert message.handled_at is not None


def test_gdpr_export_and_erase_cover_messages(client, site):
    from raccord.people import gdpr

    client.post(URL, GOOD)
    contact = Contact.objects.get()
    exported = gdpr.export(contact)
    assert exported["messages"][0]["objet"] == GOOD["subject"]
    gdpr.erase(contact)
    assert ContactMessage.objects.count() == 0


@pytest.fixture
def team(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_messages_menu_is_in_the_sidebar(team, site):
    html = team.get("/admin/").content.decode()
    assert "Messages" in html


def test_the_messages_menu_counts_what_waits_for_an_answer(team, site):
    team.post(
        "/nous-rencontrer/",
        {
            "name": "Ana",
            "email": "ana@example.org",
            "subject": "Bonjour",
            "message": "Un message assez long pour passer.",
            "consent": "on",
        },
    )
    html = team.get("/admin/").content.decode()
    assert "Messages (1 \\u00e0 traiter)" in html or "Messages (1 à traiter)" in html


def test_the_team_cannot_create_a_message_from_a_blank_form(team, site):
    assert team.get("/admin/messages/new/").status_code in (302, 403)
