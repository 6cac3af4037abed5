"""GDPR export and erasure; bounces and complaints from Brevo and Mailjet webhooks."""

import base64
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from raccord.newsletter import gdpr, sending
from raccord.newsletter.models import Delivery, Subscriber, Suppression

pytestmark = pytest.mark.django_db


def test_export_then_erase_keeps_only_a_hash_in_the_suppression_list(
    make_subscriber, campaign, topics
):
    from raccord.newsletter import services

    ana = make_subscriber("ana@example.org")
    sending.expand(campaign)
    data = gdpr.export(ana.contact)
    assert data["abonnement"]["thèmes"] == ["Infolettre générale"]
    assert data["infolettres reçues"][0]["objet"] == campaign.subject
    json.dumps(data, cls=DjangoJSONEncoder)  # as the GDPR registry writes it

    gdpr.erase(ana.contact)
    assert not Subscriber.objects.exists()
    assert Delivery.objects.get().email == ""
    assert Suppression.contains("ana@example.org")
    assert "ana@example.org" not in str(list(Suppression.objects.values_list("digest", flat=True)))
    report = services.import_subscribers(
        "email\nana@example.org\n", source="x", topics=topics[:1], dry_run=False
    )
    assert report.good == [] and not Subscriber.objects.exists()


def basic_auth(secret):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


@pytest.fixture
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    return basic_auth("hook:secret")


def test_brevo_hard_bounce_marks_the_subscriber_bounced(client, make_subscriber, webhook_secret):
    make_subscriber("ana@example.org")
    payload = {
        "event": "hard_bounce",
        "email": "ana@example.org",
        "message-id": "<x@y>",
        "reason": "550 unknown",
        "date": "2025-03-01 10:00:00",
    }
    response = client.post(
        "/infolettre/webhooks/brevo/tracking/",
        json.dumps(payload),
        content_type="application/json",
        **webhook_secret,
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "bounced"
    assert Suppression.contains("ana@example.org")


def test_brevo_soft_bounce_changes_nothing(client, make_subscriber, webhook_secret):
    make_subscriber("ana@example.org")
    payload = {"event": "soft_bounce", "email": "ana@example.org", "message-id": "<x@y>"}
    client.post(
        "/infolettre/webhooks/brevo/tracking/",
        json.dumps(payload),
        content_type="application/json",
        **webhook_secret,
    )
    assert Subscriber.objects.get().status == "confirmed"


def test_mailjet_spam_complaint_marks_the_subscriber_complained(
    client, make_subscriber, webhook_secret
):
    make_subscriber("bea@example.org")
    payload = [
        {
            "event": "spam",
            "time": 1700000000,
            "email": "bea@example.org",
            "MessageID": 1,
            "source": "JMRPP",
        }
    ]
    response = client.post(
        "/infolettre/webhooks/mailjet/tracking/",
        json.dumps(payload),
        content_type="application/json",
        **webhook_secret,
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "complained"


def test_webhooks_refuse_wrong_or_missing_credentials(client, make_subscriber, settings):
    make_subscriber("ana@example.org")
    payload = json.dumps({"event": "hard_bounce", "email": "ana@example.org"})
    settings.ANYMAIL = {"WEBHOOK_SECRET": ""}
    assert (
        client.post(
            "/infolettre/webhooks/brevo/tracking/", payload, content_type="application/json"
        ).status_code
        == 404
    )
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    wrong = client.post(
        "/infolettre/webhooks/brevo/tracking/",
        payload,
        content_type="application/json",
        **basic_auth("hook:nope"),
    )
    assert wrong.status_code in (400, 401, 403)
    assert Subscriber.objects.get().status == "confirmed"
