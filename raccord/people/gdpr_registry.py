"""GDPR across every module: gather what each app holds about a person, export it, erase it.

Each app registers a `GdprSection(label, title, export, erase)` in `registry.gdpr` from its
`AppConfig.ready()` (usually `gdpr.SECTION`, beside its `export(contact) -> dict` and
`erase(contact)`), lowest app first. After the apps have erased their part, a safety net walks every model with a
foreign key to Contact (relation introspection), scrubs copies of the address or name left in
text columns, and reports the rows that still point to the person. The Contact itself is then
anonymised (rows still need it to keep counts right) or deleted (nothing refers to it).
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from raccord.core import exports, identity, registry
from raccord.core.outbox import OutgoingMail

from .digests import digest_matches
from .models import ERASED_DOMAIN, AuditEntry, Contact, email_digest
from .services import _fk_relations, linked_rows

logger = logging.getLogger(__name__)


def _jsonable(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _parts(contact: Contact):
    """(app label, what the app holds) for each app, as the app gave it."""
    for section in registry.gdpr:
        try:
            part = section.export(contact)
        except Exception:  # one broken app must not hide the others' data from the person
            logger.exception("GDPR export failed in %s", section.label)
            part = {"erreur": "Cette partie n’a pas pu être exportée ; l’équipe a été prévenue."}
        if part:
            yield section.label, part


def collect(contact: Contact) -> dict:
    """Everything every app holds about the person, keyed by app, JSON-ready."""
    return {label: _jsonable(part) for label, part in _parts(contact)}


def export_document(contact: Contact) -> dict:
    return {
        "personne": contact.email,
        "exporte_le": timezone.now().isoformat(),
        "organisme": identity.for_site(None).name,
        "donnees": collect(contact),
    }


def export_json(contact: Contact) -> str:
    return json.dumps(export_document(contact), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _flatten(prefix: str, value, rows: list):
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, rows)
    elif isinstance(value, list | tuple):
        if not value:
            rows.append((prefix, ""))
        for index, item in enumerate(value, start=1):
            _flatten(f"{prefix}[{index}]", item, rows)
    else:
        rows.append((prefix, value))


def export_csv(contact: Contact) -> str:
    """The same data as the JSON export, one value per line (module, path, value).

    Values keep their type until the project's CSV writer (core/exports.py) formats them: a
    French spreadsheet reads Oui/Non and Paris times, and nothing the person typed runs.
    """
    rows: list = []
    for module, part in _parts(contact):
        values: list = []
        _flatten("", part, values)
        rows.extend((module, path, value) for path, value in values)
    return exports.csv_text(["module", "donnee", "valeur"], rows)


# --- erasure --------------------------------------------------------------------------------


@dataclass
class ErasureReport:
    contact_ref: int
    deleted_contact: bool = False
    app_errors: list[str] = field(default_factory=list)
    scrubbed: dict[str, int] = field(default_factory=dict)
    remaining: dict[str, int] = field(default_factory=dict)

    def as_details(self) -> dict:
        return {
            "apps_en_erreur": self.app_errors,
            "valeurs_nettoyees": self.scrubbed,
            "lignes_restantes": self.remaining,
            "contact_supprime": self.deleted_contact,
        }


TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField, models.JSONField)


def _scrub_value(value: str, needles: list[str], placeholder: str) -> str:
    lowered = value.lower()
    for needle in needles:
        if needle and needle.lower() in lowered:
            if lowered.strip() == needle.lower():
                return placeholder
            start = lowered.find(needle.lower())
            while start != -1:
                value = value[:start] + placeholder + value[start + len(needle) :]
                lowered = value.lower()
                start = lowered.find(needle.lower(), start + len(placeholder))
    return value


def _scrub_json(value, needles: list[str], placeholder: str):
    if isinstance(value, str):
        return _scrub_value(value, needles, placeholder)
    if isinstance(value, list):
        return [_scrub_json(item, needles, placeholder) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_json(item, needles, placeholder) for key, item in value.items()}
    return value


def _merged_addresses(contact: Contact) -> set[str]:
    """Addresses of duplicates merged into this person: the merge log keeps only their digest."""
    merged = [
        entry.details.get("merged_hash")
        for entry in AuditEntry.objects.filter(
            action=AuditEntry.Action.MERGE, contact_ref=contact.pk
        )
    ]
    merged = [digest for digest in merged if digest]
    if not merged:
        return set()
    addresses = OutgoingMail.objects.values_list("to_email", flat=True).distinct()
    return {
        address
        for address in addresses
        if any(digest_matches(address, digest) for digest in merged)
    }


def _forget_mails(contact: Contact, report: ErasureReport) -> None:
    """Mails to, from or about the person leave the outbox (team notifications included).

    The outbox keeps addresses, not people: mails are found by the person's address, by the
    addresses of duplicates merged into them, and by their full name in the text.
    """
    about = models.Q(reply_to__icontains=contact.email) | models.Q(
        body_text__icontains=contact.email
    )
    for address in {contact.email, *_merged_addresses(contact)}:
        about |= models.Q(to_email__iexact=address)
    name = " ".join(contact.name.split())
    if " " in name and len(name) >= 6:  # a full name is specific enough; a first name is not
        about |= models.Q(subject__icontains=name) | models.Q(body_text__icontains=name)
    deleted, _ = OutgoingMail.objects.filter(about).delete()
    if deleted:
        report.scrubbed["core.OutgoingMail (supprimés)"] = deleted


def _scrub_leftovers(contact: Contact, placeholder_email: str, report: ErasureReport) -> None:
    """Copies of the address (or the full name) in rows still pointing at the person are blanked."""
    needles = [contact.email]
    if contact.name and len(contact.name) >= 4:
        needles.append(contact.name)
    for model, name in _fk_relations():
        text_fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS) and not f.choices and not f.primary_key
        ]
        if not text_fields:
            continue
        for row in model._base_manager.filter(**{name: contact}):
            changed = []
            for f in text_fields:
                value = getattr(row, f.attname)
                if not value:
                    continue
                placeholder = placeholder_email if isinstance(f, models.EmailField) else "[effacé]"
                if isinstance(f, models.JSONField):
                    new = _scrub_json(value, needles, placeholder)
                elif isinstance(value, str):
                    new = _scrub_value(value, needles, placeholder)
                else:
                    continue
                if new != value:
                    if f.max_length and isinstance(new, str):
                        new = new[: f.max_length]
                    setattr(row, f.attname, new)
                    changed.append(f.attname)
            if changed:
                model._base_manager.filter(pk=row.pk).update(
                    **{attname: getattr(row, attname) for attname in changed}
                )
                label = model._meta.label
                report.scrubbed[label] = report.scrubbed.get(label, 0) + 1


@transaction.atomic
def erase(contact: Contact, *, user=None, action: str = AuditEntry.Action.ERASE) -> ErasureReport:
    """Erase a person from every module; counts elsewhere stay right, the audit log keeps a trace."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    report = ErasureReport(contact_ref=contact.pk)
    audit_hash = email_digest(contact.email)
    for section in registry.gdpr:
        try:
            with transaction.atomic():
                section.erase(contact)
        except Exception:
            logger.exception("GDPR erase failed in %s", section.label)
            report.app_errors.append(section.label)
        contact.refresh_from_db()
    placeholder_email = f"efface-{contact.pk}-{uuid.uuid4().hex[:12]}@{ERASED_DOMAIN}"
    _forget_mails(contact, report)
    _scrub_leftovers(contact, placeholder_email, report)
    report.remaining = linked_rows(contact)
    if report.remaining:
        contact.email = placeholder_email
        contact.name = ""
        contact.pronouns = ""
        contact.phone = ""
        contact.notes = ""
        contact.erased_at = timezone.now()
        contact.save()
        contact.roles.clear()
        report.remaining = linked_rows(contact)
    else:
        contact.delete()
        report.deleted_contact = True
    AuditEntry.objects.create(
        action=action,
        contact_ref=report.contact_ref,
        contact_hash=audit_hash,
        user=user if getattr(user, "is_authenticated", False) else None,
        details=report.as_details(),
    )
    return report


def _is_empty(value) -> bool:
    if isinstance(value, dict):
        return all(_is_empty(item) for item in value.values())
    if isinstance(value, list):
        return not value
    return False


def overview(contact: Contact) -> list[dict]:
    """For the admin page: each module's data under the title its section gives."""
    data = collect(contact)
    sections = []
    for label, part in data.items():
        if _is_empty(part):
            continue
        sections.append(
            {
                "label": label,
                "title": registry.gdpr.get(label).title,
                "json": json.dumps(part, ensure_ascii=False, indent=2),
            }
        )
    return sections
