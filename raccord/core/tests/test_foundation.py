from datetime import timedelta

import pytest
from django.utils import timezone

from raccord.core import outbox, signed_links
from raccord.core.outbox import OutgoingMail
from raccord.people.services import find_or_create


@pytest.mark.django_db
def test_home_page_shows_the_collective(client, site):
    response = client.get("/")
    assert response.status_code == 200
    assert "On Est Raccord!" in response.content.decode()
    assert "Vary" not in response or "Cookie" not in response["Vary"]
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_answers_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
def test_same_email_in_any_case_is_one_contact():
    first = find_or_create(email="  Julie@Example.org ", name="Julie")
    second = find_or_create(email="julie@example.ORG")
    assert first.pk == second.pk
    assert second.name == "Julie"


def test_signed_link_round_trip_and_tampering():
    token = signed_links.make("test.purpose", 42, max_age=timedelta(days=1))
    assert signed_links.read("test.purpose", token) == 42
    with pytest.raises(signed_links.BadLink):
        signed_links.read("other.purpose", token)
    with pytest.raises(signed_links.BadLink):
        signed_links.read("test.purpose", token[:-2] + "xx")


def test_signed_link_expires():
    token = signed_links.make("test.purpose", 1, max_age=timedelta(seconds=-1))
    with pytest.raises(signed_links.BadLink, match="expiré"):
        signed_links.read("test.purpose", token)


@pytest.mark.django_db
def test_outbox_sends_after_commit_with_both_parts(sent_mails, settings):
    contact = find_or_create(email="paul@example.org", name="Paul")
    mail = outbox.send("core/test", to=contact, context={"name": "Paul"})
    assert mail.status == OutgoingMail.Status.QUEUED
    (message,) = sent_mails()
    assert message.to == ["paul@example.org"]
    assert "Bonjour Paul" in message.body
    assert "text/html" in message.alternatives[0].mimetype
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT
    assert mail.sent_at <= timezone.now()


@pytest.mark.django_db
def test_outbox_never_sends_twice(sent_mails):
    mail = outbox.send("core/test", to="x@example.org", context={"name": "X"})
    sent_mails()
    assert outbox.deliver(mail.pk) == OutgoingMail.Status.SENT
    assert len(sent_mails()) == 1


@pytest.mark.django_db
def test_a_mail_being_sent_is_only_retried_once_its_worker_is_presumed_dead(sent_mails):
    """Queued long ago but picked up just now: a retry pass must not send it a second time."""
    mail = outbox.send("core/test", to="x@example.org", context={"name": "X"})
    sent_mails()
    long_ago = timezone.now() - timedelta(hours=2)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENDING,
        created_at=long_ago,
        next_attempt_at=timezone.now() + outbox.SEND_LEASE,
    )
    assert outbox.retry_due() == 0
    assert len(sent_mails()) == 1
    # Past the lease the worker is taken for dead and the mail goes again.
    OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=long_ago)
    assert outbox.retry_due() == 1
    assert len(sent_mails()) == 2
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.SENT


@pytest.mark.django_db
def test_subject_with_line_breaks_cannot_inject_headers(sent_mails):
    outbox.send(
        "core/test", to="x@example.org", subject="Bonjour\r\nBcc: evil@example.org", context={}
    )
    (message,) = sent_mails()
    assert "\n" not in message.subject
    assert message.bcc == []


@pytest.mark.django_db
def test_anonymous_post_needs_no_token_but_a_matching_origin(site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.post("/", {}).status_code == 200
    assert client.post("/", {}, HTTP_ORIGIN="http://testserver").status_code == 200
    refused = client.post("/", {}, HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert "Formulaire expiré" in refused.content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_session_still_needs_the_csrf_token(site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "abc"
    assert client.post("/", {}).status_code == 403


@pytest.mark.django_db
def test_held_mails_are_kept_but_never_sent(sent_mails):
    """load_demo's people are fictional: what its services would mail stays in the outbox."""
    with outbox.held("Non envoyé : démo."):
        mail = outbox.send("core/test", to="inventee@example.org", context={"name": "X"})
    assert sent_mails() == []
    mail.refresh_from_db()
    assert mail.status == OutgoingMail.Status.FAILED
    assert mail.last_error == "Non envoyé : démo."
    outbox.send("core/test", to="vraie@example.org", context={"name": "Y"})
    assert [m.to for m in sent_mails()] == [["vraie@example.org"]]
