"""Campaigns sent through a real SMTP server: headers, both parts, unsubscribe flows, failures."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from raccord.newsletter import sending, services
from raccord.newsletter.models import Campaign, Delivery, Subscriber, Suppression

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience(make_subscriber, topics):
    return [
        make_subscriber("ana@example.org", name="Ana"),
        make_subscriber("bea@example.org", topic_list=topics[:2]),
        make_subscriber("pending@example.org", status="pending"),
        make_subscriber("other@example.org", topic_list=topics[2:]),
        make_subscriber("gone@example.org", status="unsubscribed"),
    ]


def send_now(campaign, run_on_commit):
    sending.start(campaign)
    run_on_commit()
    campaign.refresh_from_db()
    return campaign


def test_a_campaign_reaches_each_confirmed_subscriber_of_its_topics_once(
    smtp_sink, audience, campaign, run_on_commit, settings
):
    settings.RACCORD_NEWSLETTER_BATCH_SIZE = 1
    send_now(campaign, run_on_commit)
    assert sorted(smtp_sink.counts().items()) == [("ana@example.org", 1), ("bea@example.org", 1)]
    assert campaign.status == Campaign.Status.SENT and campaign.sent_at
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"sent"}
    assert smtp_sink.connections == 2  # one SMTP connection per batch


def test_campaign_mail_has_headers_both_parts_and_no_tracking(
    smtp_sink, audience, campaign, run_on_commit, settings
):
    send_now(campaign, run_on_commit)
    (mail,) = smtp_sink.to("ana@example.org")
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert mail["Subject"] == campaign.subject
    host = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].rstrip(">")
    assert mail["Message-ID"].startswith("<") and mail["Message-ID"].endswith(f"@{host}>")
    assert mail["Date"]
    assert re.fullmatch(
        r"<http://testserver/infolettre/desinscription/[^>]+/>", mail["List-Unsubscribe"]
    )
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = smtp_sink.text(mail), smtp_sink.html(mail)
    assert (
        "Une résidence au printemps" in text
        and "Lire l’appel : https://onestraccord.org/residences/" in text
    )
    assert "En savoir plus (http://testserver/residences/)" in text
    assert "Me désinscrire : http://testserver/infolettre/desinscription/" in text
    assert "<h2" in html and 'style="' in html and "<style" not in html  # CSS inlined
    assert "Appel à participation ouvert" in html  # preheader
    assert "http://testserver/infolettre/archives/" in html  # web version
    images = re.findall(r'<img[^>]+src="([^"]+)"', html)
    assert all(src.startswith("http://testserver/") for src in images)
    others = [m for m in smtp_sink.messages if m["To"] != "ana@example.org"]
    assert mail["Message-ID"] not in {m["Message-ID"] for m in others}


def test_one_click_unsubscribe_works_without_session_or_token(
    smtp_sink, audience, campaign, run_on_commit
):
    from django.test import Client

    send_now(campaign, run_on_commit)
    (mail,) = smtp_sink.to("ana@example.org")
    url = mail["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    ana = Subscriber.objects.get(contact__email="ana@example.org")
    assert ana.status == Subscriber.Status.UNSUBSCRIBED
    assert Suppression.contains("ana@example.org")
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200  # idempotent


def test_unsubscribe_link_opens_a_page_with_one_button(
    client, smtp_sink, audience, campaign, run_on_commit
):
    send_now(campaign, run_on_commit)
    text = smtp_sink.text(smtp_sink.to("bea@example.org")[0])
    url = re.search(r"Me désinscrire : http://testserver(\S+)", text).group(1)
    page = client.get(url)
    main = page.content.decode().split("<main", 1)[1].split("</main>")[0]
    assert main.count('type="submit"') == 1
    assert Subscriber.objects.get(contact__email="bea@example.org").status == "confirmed"
    done = client.post(url)
    assert "Désinscription enregistrée" in done.content.decode()
    assert Subscriber.objects.get(contact__email="bea@example.org").status == "unsubscribed"


def test_preferences_link_changes_topics(
    client, smtp_sink, audience, campaign, run_on_commit, topics
):
    send_now(campaign, run_on_commit)
    text = smtp_sink.text(smtp_sink.to("bea@example.org")[0])
    url = re.search(r"Choisir mes thèmes : http://testserver(\S+)", text).group(1)
    assert "Soirées à Paris" in client.get(url).content.decode()
    response = client.post(url, {"topics": [str(topics[2].pk)]})
    assert response.status_code == 303
    assert "Vos thèmes sont enregistrés" in client.get(response.url).content.decode()
    bea = Subscriber.objects.get(contact__email="bea@example.org")
    assert [t.slug for t in bea.topics.all()] == ["residences"]
    assert client.post(url, {}).status_code == 400  # at least one topic


def test_a_tampered_unsubscribe_link_does_nothing(client, audience):
    token = services.manage_token(audience[0])
    response = client.post(f"/infolettre/desinscription/{token[:-3]}abc/")
    assert response.status_code == 400
    assert Subscriber.objects.get(contact__email="ana@example.org").status == "confirmed"


def test_a_5xx_refusal_marks_the_address_bounced(smtp_sink, audience, campaign, run_on_commit):
    smtp_sink.refuse["bea@example.org"] = "550 5.1.1 No such user"
    send_now(campaign, run_on_commit)
    bea = Subscriber.objects.get(contact__email="bea@example.org")
    assert bea.status == Subscriber.Status.BOUNCED
    assert Suppression.contains("bea@example.org")
    delivery = campaign.deliveries.get(email="bea@example.org")
    assert delivery.status == "failed" and "550" in delivery.last_error
    assert campaign.status == Campaign.Status.SENT
    assert campaign.progress()["failed"] == 1


def test_a_4xx_refusal_is_retried_later_with_backoff(smtp_sink, audience, campaign, run_on_commit):
    smtp_sink.refuse["bea@example.org"] = "451 4.3.0 Try again later"
    send_now(campaign, run_on_commit)
    delivery = campaign.deliveries.get(email="bea@example.org")
    assert delivery.status == "queued" and delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert campaign.status == Campaign.Status.SENDING
    assert sending.next_wake(campaign.pk) == delivery.next_attempt_at

    del smtp_sink.refuse["bea@example.org"]
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    sending.resume_all()
    campaign.refresh_from_db()
    assert smtp_sink.counts()["bea@example.org"] == 1
    assert campaign.status == Campaign.Status.SENT


def test_a_dead_workers_batch_is_taken_again_after_its_lease(
    smtp_sink, audience, campaign, run_on_commit, settings
):
    settings.RACCORD_NEWSLETTER_LEASE_SECONDS = 60
    sending.expand(campaign)
    Campaign.objects.filter(pk=campaign.pk).update(status="sending", started_at=timezone.now())
    claimed = sending.claim(campaign.pk, 10)  # a worker claims, then dies
    assert len(claimed) == 2
    assert sending.claim(campaign.pk, 10) == []  # nobody else takes a live lease
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(seconds=61))
    sending.enqueue(campaign.pk)
    assert smtp_sink.counts() == {"ana@example.org": 1, "bea@example.org": 1}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {2}


def test_unsubscribing_mid_campaign_drops_the_pending_delivery(audience, campaign):
    sending.expand(campaign)
    services.unsubscribe(audience[0])
    assert campaign.deliveries.get(email="ana@example.org").status == "failed"


def test_send_test_reaches_one_address_with_a_test_subject(smtp_sink, campaign):
    sending.send_test(campaign, "benevole@example.org")
    (mail,) = smtp_sink.messages
    assert mail["To"] == "benevole@example.org"
    assert mail["Subject"].startswith("[Test] ")
    assert not Delivery.objects.exists()


def test_a_subject_cannot_inject_headers(smtp_sink, campaign):
    campaign.subject = "Bonjour\r\nBcc: evil@example.org"
    campaign.save()
    sending.send_test(campaign, "benevole@example.org")
    (mail,) = smtp_sink.messages
    assert mail["Bcc"] is None
    assert smtp_sink.envelopes[0][1] == ["benevole@example.org"]


def test_scheduled_campaign_starts_when_due(smtp_sink, audience, campaign, run_on_commit):
    sending.schedule(campaign, timezone.now() + timedelta(hours=1))
    campaign.refresh_from_db()
    assert campaign.status == "scheduled"
    assert sending.start_if_due(campaign.pk) == "rescheduled"
    Campaign.objects.filter(pk=campaign.pk).update(scheduled_at=timezone.now())
    sending.resume_all()
    run_on_commit()
    campaign.refresh_from_db()
    assert campaign.status == "sent"
    assert len(smtp_sink.messages) == 2


def test_a_campaign_without_recipients_is_refused(campaign):
    with pytest.raises(sending.SendingError, match="Aucune personne"):
        sending.start(campaign)


def test_rate_limit_spaces_messages(smtp_sink, make_subscriber, campaign, run_on_commit, settings):
    import time

    for n in range(5):
        make_subscriber(f"r{n}@example.org")
    settings.RACCORD_NEWSLETTER_RATE = 20
    started = time.monotonic()
    send_now(campaign, run_on_commit)
    assert time.monotonic() - started >= 4 / 20
    assert len(smtp_sink.messages) == 5


def test_one_click_unsubscribes_are_not_rate_limited(client, make_subscriber):
    """Mailbox providers send every one-click POST from the same few servers."""
    for n in range(35):
        token = services.manage_token(make_subscriber(f"u{n}@example.org"))
        response = client.post(
            f"/infolettre/desinscription/{token}/", {"List-Unsubscribe": "One-Click"}
        )
        assert response.status_code == 200
    assert not Subscriber.objects.filter(status="confirmed").exists()
