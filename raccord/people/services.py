"""Finding, merging and importing people: every module goes through here so one person stays one Contact."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from raccord.core import csv_import, identity, outbox, signed_links

from .digests import digest_matches
from .models import (
    AuditEntry,
    Consent,
    Contact,
    ContactMessage,
    Membership,
    Organisation,
    PartnershipKind,
    Role,
    email_digest,
    normalize_email,
)


class PeopleError(Exception):
    """Raised with a French sentence a volunteer reads as is."""


def find_or_create(
    *, email: str, name: str = "", fill_missing: bool = False, **defaults
) -> Contact:
    """The Contact for this email, created if new; a known one is returned untouched.

    Public forms are unauthenticated (anyone may type anyone's address), so they never change
    a known person's record, not even an empty field. Only the team's own tools (imports,
    invitations) pass `fill_missing=True` to fill a missing name; none ever overwrites one.
    """
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
    if fill_missing and name and not contact.name:
        contact.name = name
        contact.save(update_fields=["name", "updated_at"])
    return contact


def find_or_create_organisation(
    name: str, *, city: str = "", website: str = "", kind: str = "", fill_missing: bool = False
) -> Organisation:
    """The organisation with this name (any case, any accents), created as a prospect if new.

    Every app that meets a structure (a partnership inquiry, a venue asking for a screening)
    goes through here, so « Atelier 7 » and « atelier 7 » stay one organisation. A known
    organisation is returned untouched, as for contacts; with `fill_missing=True` (the team's
    own tools) it gets a missing city or website filled in, never overwritten.
    """
    name = " ".join((name or "").split())
    if not name:
        raise PeopleError("Le nom de l’organisation est obligatoire.")
    city, website = city.strip()[:120], website.strip()
    # The slug folds accents the same way on SQLite and PostgreSQL (« Ecole » = « École »).
    organisation = (
        Organisation.objects.named(name) or Organisation.objects.filter(slug=slugify(name)).first()
    )
    if organisation is None:
        return Organisation.objects.create(
            name=name,
            city=city,
            website=website,
            kind=kind or Organisation.Kind.OTHER,
            stage=Organisation.Stage.PROSPECT,
        )
    changed = []
    if not fill_missing:
        return organisation
    if city and not organisation.city:
        organisation.city = city
        changed.append("city")
    if website and not organisation.website:
        organisation.website = website
        changed.append("website")
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])
    return organisation


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


def add_roles(contact: Contact, *slugs: str) -> None:
    """Give a person roles by their identifier (`partenaire`, `benevole`…); unknown ones are skipped."""
    roles = list(Role.objects.filter(slug__in=slugs))
    if roles:
        contact.roles.add(*roles)


def log(action: str, contact: Contact | None = None, *, user=None, **details) -> AuditEntry:
    """One line in the GDPR audit log: ids and counts only, never a name or an address."""
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return AuditEntry.objects.create(
        action=action,
        contact_ref=contact.pk if contact else None,
        contact_hash=email_digest(contact.email) if contact else "",
        user=user,
        details=details,
    )


# --- the contact form -----------------------------------------------------------------------

MESSAGE_DUPLICATE_WINDOW = timedelta(minutes=30)


class ContactError(Exception):
    """Raised with a French sentence the visitor will read as is."""


def _message_fingerprint(contact_pk: int, subject: str, message: str) -> str:
    raw = f"{contact_pk}\n{' '.join(subject.split()).lower()}\n{' '.join(message.split()).lower()}"
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def receive_message(
    *, name: str, email: str, subject: str, message: str, consent_wording: str, source: str = ""
):
    """Store a contact message and mail both sides; the same message sent twice is kept once.

    Returns `(message, created)`; a duplicate within MESSAGE_DUPLICATE_WINDOW sends no new mail.
    """
    name, subject, message = name.strip(), subject.strip(), message.strip()
    if not (name and email and subject and message):
        raise ContactError("Le message est incomplet : nom, adresse, objet et texte sont requis.")
    contact = find_or_create(email=email, name=name)
    # One writer per person at a time, so a double click cannot store the message twice.
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    fingerprint = _message_fingerprint(contact.pk, subject, message)
    existing = (
        ContactMessage.objects.filter(
            contact=contact,
            fingerprint=fingerprint,
            created_at__gte=timezone.now() - MESSAGE_DUPLICATE_WINDOW,
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
    outbox.send("people/contact_ack", to=contact, context=context)
    outbox.send(
        "people/contact_notification",
        to=identity.team_email(),
        context={**context, "admin_url": message_admin_url(stored)},
        reply_to=contact.email,
    )
    return stored, True


def message_admin_url(stored) -> str:
    from django.urls import reverse

    try:
        path = reverse("contact_messages:edit", args=[stored.pk])
    except Exception:  # noqa: BLE001 - the admin may not be wired (tests of other apps)
        path = "/admin/"
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def mark_handled(stored, *, handled: bool = True) -> None:
    stored.status = ContactMessage.Status.HANDLED if handled else ContactMessage.Status.NEW
    stored.save(update_fields=["status", "handled_at"])


# --- /mes-donnees/: a personal link to one's own data ----------------------------------------

MY_DATA_PURPOSE = "people.my_data"
MY_DATA_LINK_LIFETIME = timedelta(hours=24)


class AlreadyErased(signed_links.BadLink):
    def __init__(self):
        super().__init__("Les données liées à ce lien ont déjà été effacées.")


def my_data_token(contact: Contact) -> str:
    return signed_links.make(
        MY_DATA_PURPOSE, {"c": contact.pk, "h": contact.email_digest}, max_age=MY_DATA_LINK_LIFETIME
    )


def contact_for_my_data_token(token: str) -> Contact:
    """The person a link was made for; BadLink if altered, expired, or the data is already gone."""
    value = signed_links.read(MY_DATA_PURPOSE, token)
    if not isinstance(value, dict):
        raise signed_links.BadLink()
    contact = Contact.objects.filter(pk=value.get("c")).first()
    if contact is None or contact.is_erased:
        raise AlreadyErased()
    if not digest_matches(contact.email, value.get("h")):  # links made before the new key too
        raise signed_links.BadLink()
    return contact


def send_my_data_link(email: str) -> None:
    """Mail a 24-hour link to a known address, and to an unknown one a mail saying we hold
    nothing: the same work either way (one mail queued, one audit line), so neither the
    answer nor its timing tells a visitor whether an address is known."""
    email = normalize_email(email)
    contact = Contact.objects.active().filter(email=email).first()
    if contact is None:
        outbox.send("people/my_data_none", to=email, context={"hours": 24})
        log(AuditEntry.Action.SELF_LINK, None, known=False)
        return
    path = reverse("people_my_data_access", args=[my_data_token(contact)])
    link = settings.RACCORD_SITE_URL.rstrip("/") + path
    outbox.send("people/my_data_link", to=contact, context={"link": link, "hours": 24})
    log(AuditEntry.Action.SELF_LINK, contact, known=True)


# --- relations to Contact, whatever app declares them ------------------------------------


def contact_relations():
    """Every foreign key, one-to-one and many-to-many from any installed model to Contact."""
    relations = []
    for rel in Contact._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete):
            continue
        if rel.many_to_many:
            through = rel.through if hasattr(rel, "through") else rel.remote_field.through
            if through is None:
                continue
            relations.append(rel)
        elif rel.one_to_many or rel.one_to_one:
            relations.append(rel)
    return relations


def _fk_relations():
    """(model, field name) pairs of foreign keys and one-to-ones pointing at Contact."""
    pairs = []
    for rel in contact_relations():
        if rel.many_to_many:
            # A ManyToManyField declared on another model: its through table holds the FK.
            through = rel.through
            for f in through._meta.get_fields():
                if (
                    isinstance(f, models.ForeignKey)
                    and f.remote_field.model is Contact
                    and through is not Contact.roles.through
                ):
                    pairs.append((through, f.name))
        else:
            pairs.append((rel.related_model, rel.field.name))
    # Contact's own many-to-many (roles) has its through table too.
    pairs.append((Contact.roles.through, "contact"))
    seen, unique = set(), []
    for model, name in pairs:
        key = (model._meta.label, name)
        if key not in seen:
            seen.add(key)
            unique.append((model, name))
    return unique


def linked_rows(contact: Contact) -> dict[str, int]:
    """How many rows of each model point at this person (`app.Model.field` → count)."""
    counts = {}
    for model, name in _fk_relations():
        count = model._base_manager.filter(**{name: contact}).count()
        if count:
            counts[f"{model._meta.label}.{name}"] = count
    return counts


def linked_rows_display(contact: Contact) -> list[dict]:
    """The same counts in the team's words: module, kind of record, number of rows."""
    rows = []
    for model, name in _fk_relations():
        count = model._base_manager.filter(**{name: contact}).count()
        if not count:
            continue
        is_roles = model is Contact.roles.through
        label = "rôles" if is_roles else str(model._meta.verbose_name_plural)
        rows.append(
            {"module": str(model._meta.app_config.verbose_name), "label": label, "count": count}
        )
    return rows


# --- merging ------------------------------------------------------------------------------


@dataclass
class MergeReport:
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)


def _move_rows(model, name: str, source: Contact, target: Contact, report: MergeReport) -> None:
    label = f"{model._meta.label}.{name}"
    rows = model._base_manager.filter(**{name: source})
    if not rows.exists():
        return
    try:
        with transaction.atomic():
            moved = rows.update(**{name: target})
        report.moved[label] = moved
        return
    except IntegrityError:
        pass
    # A uniqueness rule says the kept person already has this record: keep theirs.
    moved = dropped = 0
    for row in list(rows):
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row.pk).update(**{name: target})
            moved += 1
        except IntegrityError:
            row.delete()
            dropped += 1
    if moved:
        report.moved[label] = moved
    if dropped:
        report.dropped[label] = dropped


@transaction.atomic
def merge_contacts(keep: Contact, duplicate: Contact, *, user=None) -> MergeReport:
    """Fold `duplicate` into `keep`: every record of every app moves over, then the duplicate goes.

    Relations are found by introspection, so an app added later is covered without code here.
    Empty fields of the kept person are filled from the duplicate; notes are joined.
    """
    if keep.pk == duplicate.pk:
        raise PeopleError("Choisissez deux contacts différents.")
    if keep.is_erased or duplicate.is_erased:
        raise PeopleError("Un contact effacé ne peut pas être fusionné.")
    keep = Contact.objects.select_for_update().get(pk=keep.pk)
    duplicate = Contact.objects.select_for_update().get(pk=duplicate.pk)
    report = MergeReport()
    for model, name in _fk_relations():
        _move_rows(model, name, duplicate, keep, report)
    for attr in ("name", "pronouns", "phone"):
        if not getattr(keep, attr) and getattr(duplicate, attr):
            setattr(keep, attr, getattr(duplicate, attr))
    if duplicate.notes and duplicate.notes not in keep.notes:
        keep.notes = "\n\n".join(filter(None, [keep.notes, duplicate.notes]))
    if duplicate.created_at < keep.created_at:
        keep.created_at = duplicate.created_at
    merged_hash = email_digest(duplicate.email)
    duplicate.delete()
    keep.save()
    log(
        AuditEntry.Action.MERGE,
        keep,
        user=user,
        merged_hash=merged_hash,
        moved=report.moved,
        dropped=report.dropped,
    )
    return report


def duplicate_groups() -> list[list[Contact]]:
    """Contacts whose addresses only differ by case or spaces (left by raw imports or old data)."""
    key = Lower(Trim("email"))
    dupes = (
        Contact.objects.annotate(key=key)
        .values("key")
        .annotate(n=models.Count("pk"))
        .filter(n__gt=1)
        .values_list("key", flat=True)
    )
    groups = []
    for value in dupes:
        groups.append(list(Contact.objects.annotate(key=key).filter(key=value).order_by("pk")))
    return groups


def merge_all_duplicates(*, user=None) -> int:
    """Merge every group of same-address contacts into its oldest record; returns merges done."""
    merged = 0
    for group in duplicate_groups():
        keep, *others = group
        for other in others:
            merge_contacts(keep, other, user=user)
            merged += 1
        keep.refresh_from_db()
        keep.save()  # normalizes the kept address
    return merged


# --- CSV import (raccord.core.csv_import) -------------------------------------------------

CONTACT_COLUMNS = [
    "email",
    "nom",
    "pronoms",
    "telephone",
    "roles",
    "organisation",
    "fonction",
    "notes",
]
ORGANISATION_COLUMNS = [
    "nom",
    "type",
    "ville",
    "site",
    "email",
    "relation",
    "natures",
    "public",
    "presentation",
]
CREATE, UPDATE = "création", "mise à jour"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def _by_code_or_name(items) -> dict:
    """Rows of a lookup table (roles, kinds) by slug and by name, accents and case folded:
    « technicien » finds « Technicien·ne », « accueil » finds « Accueil (lieu, résidence) »."""
    found = {}
    for item in items:
        for key in (item.slug, item.name, re.split(r"[·(]", item.name)[0]):
            found.setdefault(slugify(key), item)
    return found


def _choice(value: str, choices) -> str | None:
    wanted = slugify(value)
    return next((key for key, label in choices if wanted in (slugify(key), slugify(label))), None)


def _valid_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


class ContactImport(csv_import.CsvImport):
    """People, their roles and their organisation (which must exist: import organisations first)."""

    kind = "contacts"
    required = (("email",),)

    def __init__(self, *, user=None):
        self.user = user
        self.roles = _by_code_or_name(Role.objects.all())
        self.organisations = {o.name.casefold(): o for o in Organisation.objects.all()}

    def check(self, row, seen):
        email = normalize_email(row.get("email"))
        if not _valid_email(email):
            row.errors.append("Adresse e-mail manquante ou invalide.")
        if email in seen:
            row.errors.append("Cette adresse apparaît déjà plus haut dans le fichier.")
        seen.add(email)
        row.found["roles"] = []
        for name in _split(row.get("roles")):
            role = self.roles.get(slugify(name))
            if role is None:
                row.errors.append(f"Rôle inconnu : « {name} ».")
            else:
                row.found["roles"].append(role)
        org_name = row.get("organisation")
        row.found["organisation"] = self.organisations.get(org_name.casefold())
        if org_name and row.found["organisation"] is None:
            row.errors.append(
                f"Organisation inconnue : « {org_name} » (importez d’abord les organisations)."
            )
        if len(row.get("nom")) > 200:
            row.errors.append("Le nom dépasse 200 caractères.")
        row.action = UPDATE if Contact.objects.by_email(email).exists() else CREATE

    def apply(self, rows):
        for row in rows:
            contact = find_or_create(email=row.get("email"), name=row.get("nom"), fill_missing=True)
            for attr, column, length in (("pronouns", "pronoms", 50), ("phone", "telephone", 40)):
                if row.get(column) and not getattr(contact, attr):
                    setattr(contact, attr, row.get(column)[:length])
            notes = row.get("notes")
            if notes and notes not in contact.notes:
                contact.notes = "\n\n".join(filter(None, [contact.notes, notes]))
            contact.save()
            if row.found["roles"]:
                contact.roles.add(*row.found["roles"])
            if row.found["organisation"]:
                Membership.objects.update_or_create(
                    contact=contact,
                    organisation=row.found["organisation"],
                    defaults={"title": row.get("fonction")[:150]},
                )
        log(AuditEntry.Action.IMPORT, user=self.user, kind="contacts", rows=len(rows))


class OrganisationImport(csv_import.CsvImport):
    """Organisations matched by name (any case): created, or completed where a column is filled."""

    kind = "organisations"
    required = (("nom",),)

    def __init__(self, *, user=None):
        self.user = user
        self.kinds = _by_code_or_name(PartnershipKind.objects.all())

    def check(self, row, seen):
        from django.core.validators import URLValidator

        name = row.get("nom")
        if not name:
            row.errors.append("Le nom est obligatoire.")
        elif len(name) > 200:
            row.errors.append("Le nom dépasse 200 caractères.")
        if name.casefold() in seen:
            row.errors.append("Cette organisation apparaît déjà plus haut dans le fichier.")
        seen.add(name.casefold())
        for column, choices, attr, message in (
            ("type", Organisation.Kind.choices, "kind", "Type inconnu"),
            ("relation", Organisation.Stage.choices, "stage", "Relation inconnue"),
        ):
            if row.get(column):
                row.found[attr] = _choice(row.get(column), choices)
                if row.found[attr] is None:
                    row.errors.append(f"{message} : « {row.get(column)} ».")
        if row.get("site"):
            try:
                URLValidator()(row.get("site"))
            except ValidationError:
                row.errors.append("Adresse du site invalide (elle doit commencer par https://).")
        if row.get("email") and not _valid_email(row.get("email")):
            row.errors.append("Adresse e-mail invalide.")
        row.found["kinds"] = []
        for value in _split(row.get("natures")):
            kind = self.kinds.get(slugify(value))
            if kind is None:
                row.errors.append(f"Nature de partenariat inconnue : « {value} ».")
            else:
                row.found["kinds"].append(kind)
        row.action = UPDATE if name and Organisation.objects.named(name) else CREATE

    def apply(self, rows):
        for row in rows:
            name = row.get("nom")
            org = Organisation.objects.named(name) or Organisation(name=name)
            for attr in ("kind", "stage"):
                if row.found.get(attr):
                    setattr(org, attr, row.found[attr])
            for attr, column in (
                ("city", "ville"),
                ("website", "site"),
                ("email", "email"),
                ("description", "presentation"),
            ):
                if row.get(column):
                    setattr(org, attr, row.get(column))
            if row.get("public"):
                org.is_public = row.get("public").lower() in ("oui", "1", "true", "vrai", "x")
            org.save()
            if row.found["kinds"]:
                org.partnership_kinds.add(*row.found["kinds"])
        log(AuditEntry.Action.IMPORT, user=self.user, kind="organisations", rows=len(rows))


def _import(importer: csv_import.CsvImport, text, dry_run: bool) -> csv_import.ImportReport:
    try:
        report = importer.run(text, dry_run=dry_run)
    except csv_import.CsvImportError as error:
        raise PeopleError(str(error)) from error
    report.created, report.updated = report.count(CREATE), report.count(UPDATE)
    return report


def import_contacts(text, *, dry_run: bool = True, user=None) -> csv_import.ImportReport:
    """People from a CSV (CONTACT_COLUMNS); a file with an error, or a dry run, writes nothing."""
    return _import(ContactImport(user=user), text, dry_run)


def import_organisations(text, *, dry_run: bool = True, user=None) -> csv_import.ImportReport:
    """Organisations from a CSV (ORGANISATION_COLUMNS), matched by name; same rules."""
    return _import(OrganisationImport(user=user), text, dry_run)
