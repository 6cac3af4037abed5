"""Finding people: every module goes through here so one person stays one Contact."""

from django.db import IntegrityError, transaction

from .models import Consent, Contact, normalize_email


def find_or_create(*, email: str, name: str = "", **defaults) -> Contact:
    """The Contact for this email, created if new; fills a missing name, never overwrites one."""
    email = normalize_email(email)
    contact = Contact.objects.filter(email=email).first()
    if contact is None:
        try:
            with transaction.atomic():
                contact = Contact.objects.create(email=email, name=(name or "").strip(), **defaults)
        except IntegrityError:  # created meanwhile by a concurrent request
            contact = Contact.objects.get(email=email)
        return contact
    name = (name or "").strip()
    if name and not contact.name:
        contact.name = name
        contact.save(update_fields=["name", "updated_at"])
    return contact


def record_consent(
    contact: Contact,
    kind: str,
    *,
    given: bool = True,
    source: str = "",
    wording: str = "",
    wording_version: str = "",
) -> Consent:
    return Consent.objects.create(
        contact=contact,
        kind=kind,
        given=given,
        source=source[:300],
        wording=wording,
        wording_version=wording_version,
    )
