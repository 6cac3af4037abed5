"""Double opt-in: sign up, confirm with a button, same answer for every address."""

import re

import pytest
from django.core.cache import cache

from raccord.newsletter import services
from raccord.newsletter.models import Subscriber, Suppression
from raccord.people.models import Consent

pytestmark = pytest.mark.django_db


def link_in(mail, name):
    return re.search(rf"http://testserver(/infolettre/{name}/[^\s\"]+/)", mail.body).group(1)


def post_signup(client, email, topics, **extra):
    data = {
        "email": email,
        "name": "Ana",
        "topics": [str(t.pk) for t in topics],
        "source": "/infolettre/",
    }
    data.update(extra)
    return client.post("/infolettre/inscription/", data)


def test_signing_up_sends_a_confirmation_and_the_button_confirms(client, topics, sent_mails):
    response = post_signup(client, "Ana@Example.org", topics[:2])
    assert response.status_code == 303
    assert response["Location"] == "/infolettre/inscription/merci/"
    subscriber = Subscriber.objects.get(contact__email="ana@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert {t.slug for t in subscriber.topics.all()} == {"infolettre-generale", "soirees-paris"}
    (mail,) = sent_mails()
    assert mail.to == ["ana@example.org"]
    assert "Confirmez votre inscription" in mail.subject
    url = link_in(mail, "confirmer")

    page = client.get(url)  # a mail scanner following the link changes nothing
    assert "Je confirme mon inscription" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    done = client.post(url)
    assert done.status_code == 303
    assert "Inscription confirmée" in client.get(done.url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    consent = Consent.objects.get(contact=subscriber.contact, kind="newsletter")
    assert consent.given and consent.source.startswith("/infolettre/")
    assert consent.wording == services.consent_wording()
    assert consent.wording_version == services.CONSENT_VERSION
    client.post(url)  # twice: still one proof
    assert Consent.objects.filter(contact=subscriber.contact).count() == 1


def test_the_answer_is_the_same_for_new_pending_and_confirmed_addresses(
    client, make_subscriber, topics, sent_mails
):
    make_subscriber("known@example.org")
    pages = []
    for address in ("new@example.org", "new@example.org", "known@example.org"):
        response = post_signup(client, address, topics[:1])
        pages.append((response.status_code, response["Location"]))
    assert len(set(pages)) == 1
    mails = sent_mails()
    # new: one confirmation (the immediate re-send is rate-limited); known: a reminder to its owner
    assert [m.to[0] for m in mails] == ["new@example.org", "known@example.org"]
    assert "déjà inscrit" in mails[1].subject
    assert Subscriber.objects.get(contact__email="known@example.org").status == "confirmed"


def test_signing_up_with_someone_elses_address_never_touches_their_name(
    client, make_subscriber, topics, sent_mails
):
    from raccord.people.models import Contact

    make_subscriber("known@example.org")
    Contact.objects.filter(email="known@example.org").update(name="Julie")
    Contact.objects.create(email="nameless@example.org", name="")
    for address in ("known@example.org", "nameless@example.org", "new@example.org"):
        response = post_signup(client, address, topics[:1], name="Usurpateur")
        assert (response.status_code, response["Location"]) == (
            303,
            "/infolettre/inscription/merci/",
        )
    names = dict(Contact.objects.values_list("email", "name"))
    assert names == {
        "known@example.org": "Julie",
        "nameless@example.org": "",  # an empty name is not filled either
        "new@example.org": "Usurpateur",  # a new contact keeps the name typed
    }
    known = [m for m in sent_mails() if m.to == ["known@example.org"]]
    assert len(known) == 1 and "/infolettre/preferences/" in known[0].body


def test_a_sign_up_with_a_known_unconfirmed_address_changes_nothing_until_its_owner_confirms(
    client, make_subscriber, topics, sent_mails
):
    pending = make_subscriber("pending@example.org", status="pending", topic_list=topics[:1])
    gone = make_subscriber("gone@example.org", topic_list=topics[:1])
    services.unsubscribe(gone)
    for address in ("pending@example.org", "gone@example.org"):
        post_signup(client, address, topics[1:2], source="/ailleurs/")
    pending.refresh_from_db()
    gone.refresh_from_db()
    assert (pending.status, gone.status) == ("pending", "unsubscribed")
    assert [t.pk for t in pending.topics.all()] == [topics[0].pk]
    assert [t.pk for t in gone.topics.all()] == [topics[0].pk]

    mail = [m for m in sent_mails() if m.to == ["pending@example.org"]][-1]
    assert topics[1].name in mail.body  # the owner reads what was asked
    client.post(link_in(mail, "confirmer"))  # and only their button applies it
    pending.refresh_from_db()
    assert pending.status == "confirmed"
    assert [t.pk for t in pending.topics.all()] == [topics[1].pk]


def test_pending_signup_resends_the_confirmation_after_a_while(client, topics, sent_mails):
    from datetime import timedelta

    post_signup(client, "late@example.org", topics[:1])
    Subscriber.objects.update(confirmation_sent_at=services.timezone.now() - timedelta(hours=1))
    cache.clear()  # an hour later: the same form again is no longer a double click
    post_signup(client, "late@example.org", topics[:1])
    assert [m.to[0] for m in sent_mails()] == ["late@example.org", "late@example.org"]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("pas-une-adresse", "n’est pas valide"),
        ("quelquun@yopmail.com", "adresses jetables"),
        ("", "Saisissez une adresse e-mail"),
    ],
)
def test_bad_addresses_get_a_clear_message_and_nothing_is_stored(client, topics, address, message):
    response = post_signup(client, address, topics[:1])
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_name_cannot_inject_headers(client, topics, sent_mails):
    post_signup(client, "ana@example.org", topics[:1], name="Ana\r\nBcc: evil@example.org")
    (mail,) = sent_mails()
    assert mail.bcc == [] and "evil" not in str(mail.message()["To"])
    assert Subscriber.objects.get().contact.name == "Ana Bcc: evil@example.org"


def test_the_honeypot_gets_the_same_answer_and_stores_nothing(client, topics, sent_mails):
    response = post_signup(client, "bot@example.org", topics[:1], site_web="http://spam")
    assert response.status_code == 303
    assert not Subscriber.objects.exists()
    assert sent_mails() == []


def test_the_footer_form_posts_the_page_form_fields_under_its_own_ids(
    client, site, topics, sent_mails
):
    html = client.get("/").content.decode()
    assert 'name="email"' in html and 'id="id_footer_email"' in html
    assert 'id="id_footer_site_web"' in html and 'id="id_footer_altcha"' in html
    response = client.post(
        "/infolettre/inscription/",
        {"email": "foot@example.org", "topics": [str(topics[1].pk)], "source": "/films/"},
    )
    assert response.status_code == 303
    subscriber = Subscriber.objects.get()
    assert subscriber.source == "/films/"
    assert [t.slug for t in subscriber.topics.all()] == ["soirees-paris"]


def test_signups_are_rate_limited_per_visitor(client, topics, monkeypatch):
    monkeypatch.setattr("raccord.core.altcha.verify", lambda payload: True)  # a solved proof
    answers = [post_signup(client, f"p{n}@example.org", topics[:1]).status_code for n in range(11)]
    assert answers == [303] * 10 + [429]


def test_without_javascript_the_signup_limit_is_stricter(client, topics):
    answers = [post_signup(client, f"p{n}@example.org", topics[:1]).status_code for n in range(4)]
    assert answers == [303] * 3 + [429]


def test_a_tampered_confirmation_link_does_nothing(client, topics, sent_mails):
    post_signup(client, "ana@example.org", topics[:1])
    url = link_in(sent_mails()[0], "confirmer")
    response = client.post(url[:-5] + "XXXX/")
    assert response.status_code == 400
    assert "pas valide" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_confirming_again_after_unsubscribing_lifts_the_suppression(
    client, make_subscriber, topics, sent_mails
):
    subscriber = make_subscriber("back@example.org")
    services.unsubscribe(subscriber)
    assert Suppression.contains("back@example.org")
    post_signup(client, "back@example.org", topics[:1])
    client.post(link_in(sent_mails()[-1], "confirmer"))
    assert Subscriber.objects.get().status == "confirmed"
    assert not Suppression.contains("back@example.org")
