"""Bounces and complaints reported by the email service (Brevo, Mailjet) through django-anymail.

The webhook URLs are protected by HTTP basic auth with ANYMAIL["WEBHOOK_SECRET"]
(`https://user:password@site/infolettre/webhooks/brevo/tracking/`).
"""

import logging

from .models import Subscriber

log = logging.getLogger(__name__)

STATUS_FOR_EVENT = {
    "bounced": Subscriber.Status.BOUNCED,
    "rejected": Subscriber.Status.BOUNCED,
    "complained": Subscriber.Status.COMPLAINED,
}


def on_tracking(sender, event, esp_name, **kwargs):
    from .services import mark_undeliverable, unsubscribe

    email = (event.recipient or "").strip()
    if not email:
        return
    if event.event_type == "unsubscribed":
        subscriber = Subscriber.objects.filter(contact__email=email.lower()).first()
        if subscriber is not None:
            unsubscribe(subscriber, source=f"désinscription signalée par {esp_name}")
        return
    status = STATUS_FOR_EVENT.get(event.event_type)
    if status is None:
        return
    if event.event_type == "bounced" and _is_soft(event):
        return  # a full mailbox is not a dead address
    reason = f"{esp_name} : {event.event_type} {event.description or event.mta_response or ''}"
    mark_undeliverable(email, status, reason.strip())
    log.info("newsletter: %s marked %s by %s", email, status, esp_name)


def _is_soft(event) -> bool:
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    if raw.get("event") in ("soft_bounce", "soft-bounce", "deferred"):
        return True
    return raw.get("hard_bounce") is False  # Mailjet marks soft bounces explicitly
