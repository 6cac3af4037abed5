"""The contact form's operation: one message stored once, the sender and the team told."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from raccord.core import outbox

DUPLICATE_WINDOW = timedelta(minutes=30)


class ContactError(Exception):
    """Raised with a French sentence the visitor will read as is."""


def _fingerprint(contact_pk: int, subject: str, message: str) -> str:
    raw = f"{contact_pk}\n{' '.join(subject.split()).lower()}\n{' '.join(message.split()).lower()}"
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def receive_message(
    *, name: str, email: str, subject: str, message: str, consent_wording: str, source: str = ""
):
    """Store a contact message and mail both sides; the same message sent twice is kept once.

    Returns `(message, created)`; a duplicate within DUPLICATE_WINDOW sends no new mail.
    """
    from raccord.people.models import Consent, Contact
    from raccord.people.services import find_or_create, record_consent

    from .models import ContactMessage

    name, subject, message = name.strip(), subject.strip(), message.strip()
    if not (name and email and subject and message):
        raise ContactError("Le message est incomplet : nom, adresse, objet et texte sont requis.")
    contact = find_or_create(email=email, name=name)
    # One writer per person at a time, so a double click cannot store the message twice.
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    fingerprint = _fingerprint(contact.pk, subject, message)
    existing = (
        ContactMessage.objects.filter(
            contact=contact,
            fingerprint=fingerprint,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )
    if existing is not None:
        return existing, False
    stored = ContactMessage.objects.create(
        contact=contact, name=name, subject=subject, message=message, fingerprint=fingerprint
    )
    record_consent(
        contact,
        Consent.Kind.CONTACT,
        source=source or "formulaire de contact",
        wording=consent_wording,
        wording_version=hashlib.sha256(consent_wording.encode()).hexdigest()[:12],
    )
    context = {"message": stored, "name": name}
    outbox.send("core/contact_ack", to=contact, context=context)
    outbox.send(
        "core/contact_notification",
        to=settings.RACCORD_TEAM_EMAIL,
        context={**context, "admin_url": admin_url(stored)},
        reply_to=contact.email,
    )
    return stored, True


def admin_url(stored) -> str:
    from django.urls import reverse

    try:
        path = reverse("contact_messages:edit", args=[stored.pk])
    except Exception:  # noqa: BLE001 - the admin may not be wired (tests of other apps)
        path = "/admin/"
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def mark_handled(stored, *, handled: bool = True) -> None:
    from .models import ContactMessage

    stored.status = ContactMessage.Status.HANDLED if handled else ContactMessage.Status.NEW
    stored.save(update_fields=["status", "handled_at"])
