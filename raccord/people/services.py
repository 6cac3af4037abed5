"""Finding, merging and importing people: every module goes through here so one person stays one Contact."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower, Trim
from django.urls import reverse

from raccord.core import outbox, signed_links

from .models import AuditEntry, Consent, Contact, Membership, Role, email_hash, normalize_email


class PeopleError(Exception):
    """Raised with a French sentence a volunteer reads as is."""


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
        contact_hash=email_hash(contact.email) if contact else "",
        user=user,
        details=details,
    )


# --- /mes-donnees/: a personal link to one's own data ----------------------------------------

MY_DATA_PURPOSE = "people.my_data"
MY_DATA_LINK_LIFETIME = timedelta(hours=24)


class AlreadyErased(signed_links.BadLink):
    def __init__(self):
        super().__init__("Les données liées à ce lien ont déjà été effacées.")


def my_data_token(contact: Contact) -> str:
    return signed_links.make(
        MY_DATA_PURPOSE, {"c": contact.pk, "h": contact.email_hash}, max_age=MY_DATA_LINK_LIFETIME
    )


def contact_for_my_data_token(token: str) -> Contact:
    """The person a link was made for; BadLink if altered, expired, or the data is already gone."""
    value = signed_links.read(MY_DATA_PURPOSE, token)
    if not isinstance(value, dict):
        raise signed_links.BadLink()
    contact = Contact.objects.filter(pk=value.get("c")).first()
    if contact is None or contact.is_erased:
        raise AlreadyErased()
    if contact.email_hash != value.get("h"):
        raise signed_links.BadLink()
    return contact


def send_my_data_link(email: str) -> None:
    """Mail a 24-hour link to a known address; an unknown one gets nothing and learns nothing."""
    contact = Contact.objects.active().filter(email=normalize_email(email)).first()
    if contact is None:
        return
    path = reverse("people_my_data_access", args=[my_data_token(contact)])
    link = settings.RACCORD_SITE_URL.rstrip("/") + path
    outbox.send("people/my_data_link", to=contact, context={"link": link, "hours": 24})
    log(AuditEntry.Action.SELF_LINK, contact)


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
    merged_hash = email_hash(duplicate.email)
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


# --- CSV import -----------------------------------------------------------------------------

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


@dataclass
class ImportRow:
    line: int
    data: dict
    action: str = ""  # "création", "mise à jour"
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportReport:
    kind: str
    rows: list[ImportRow] = field(default_factory=list)
    applied: bool = False

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if not row.ok)

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.ok and row.action == "création")

    @property
    def updated(self) -> int:
        return sum(1 for row in self.rows if row.ok and row.action == "mise à jour")


def _read_csv(text: str) -> list[dict]:
    text = text.lstrip("\ufeff")
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise PeopleError("Le fichier est vide ou n’a pas de ligne d’en-tête.")
    rows = []
    for raw in reader:
        rows.append(
            {
                (k or "").strip().lower(): (v or "").strip() if isinstance(v, str) else ""
                for k, v in raw.items()
            }
        )
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def _choice(value: str, choices) -> str | None:
    value = value.strip().lower()
    for key, label in choices:
        if value in (key.lower(), str(label).lower()):
            return key
    return None


def import_contacts(text: str, *, dry_run: bool = True, user=None) -> ImportReport:
    """Create or update people from a CSV (columns in CONTACT_COLUMNS); nothing is written on a dry run."""
    from raccord.partners.models import Organisation

    report = ImportReport(kind="contacts")
    try:
        rows = _read_csv(text)
    except (csv.Error, UnicodeError) as error:
        raise PeopleError("Le fichier n’a pas pu être lu comme un CSV.") from error
    if rows and "email" not in rows[0]:
        raise PeopleError("La colonne « email » est obligatoire.")
    roles = {r.slug: r for r in Role.objects.all()} | {
        r.name.lower(): r for r in Role.objects.all()
    }
    organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
    seen = set()
    for line, data in enumerate(rows, start=2):
        row = ImportRow(line=line, data=data)
        email = normalize_email(data.get("email", ""))
        try:
            validate_email(email)
        except ValidationError:
            row.errors.append("Adresse e-mail manquante ou invalide.")
        if email in seen:
            row.errors.append("Cette adresse apparaît déjà plus haut dans le fichier.")
        seen.add(email)
        wanted_roles = []
        for name in _split(data.get("roles", "")):
            role = roles.get(name.lower())
            if role is None:
                row.errors.append(f"Rôle inconnu : « {name} ».")
            else:
                wanted_roles.append(role)
        org_name = data.get("organisation", "")
        if org_name and org_name.casefold() not in organisations:
            row.errors.append(
                f"Organisation inconnue : « {org_name} » (importez d’abord les organisations)."
            )
        if len(data.get("nom", "")) > 200:
            row.errors.append("Le nom dépasse 200 caractères.")
        row.action = "mise à jour" if Contact.objects.by_email(email).exists() else "création"
        report.rows.append(row)
        row.roles = wanted_roles
    if dry_run or report.error_count:
        return report
    with transaction.atomic():
        for row in report.rows:
            data = row.data
            contact = find_or_create(email=data["email"], name=data.get("nom", ""))
            for attr, column in (("pronouns", "pronoms"), ("phone", "telephone")):
                if data.get(column) and not getattr(contact, attr):
                    setattr(contact, attr, data[column][: 50 if attr == "pronouns" else 40])
            if data.get("notes") and data["notes"] not in contact.notes:
                contact.notes = "\n\n".join(filter(None, [contact.notes, data["notes"]]))
            contact.save()
            if row.roles:
                contact.roles.add(*row.roles)
            org_name = data.get("organisation", "")
            if org_name:
                Membership.objects.update_or_create(
                    contact=contact,
                    organisation=organisations[org_name.casefold()],
                    defaults={"title": data.get("fonction", "")[:150]},
                )
        log(AuditEntry.Action.IMPORT, user=user, kind="contacts", rows=len(report.rows))
    report.applied = True
    return report


def import_organisations(text: str, *, dry_run: bool = True, user=None) -> ImportReport:
    """Create or update organisations (matched by name) from a CSV; nothing is written on a dry run."""
    from django.core.validators import URLValidator

    from raccord.partners.models import Organisation, PartnershipKind

    report = ImportReport(kind="organisations")
    try:
        rows = _read_csv(text)
    except (csv.Error, UnicodeError) as error:
        raise PeopleError("Le fichier n’a pas pu être lu comme un CSV.") from error
    if rows and "nom" not in rows[0]:
        raise PeopleError("La colonne « nom » est obligatoire.")
    kinds = {k.slug: k for k in PartnershipKind.objects.all()}
    kinds |= {k.name.lower(): k for k in PartnershipKind.objects.all()}
    seen = set()
    for line, data in enumerate(rows, start=2):
        row = ImportRow(line=line, data=data)
        name = data.get("nom", "")
        if not name:
            row.errors.append("Le nom est obligatoire.")
        elif len(name) > 200:
            row.errors.append("Le nom dépasse 200 caractères.")
        if name.casefold() in seen:
            row.errors.append("Cette organisation apparaît déjà plus haut dans le fichier.")
        seen.add(name.casefold())
        row.kind = Organisation.Kind.OTHER
        if data.get("type"):
            row.kind = _choice(data["type"], Organisation.Kind.choices)
            if row.kind is None:
                row.errors.append(f"Type inconnu : « {data['type']} ».")
        row.stage = None
        if data.get("relation"):
            row.stage = _choice(data["relation"], Organisation.Stage.choices)
            if row.stage is None:
                row.errors.append(f"Relation inconnue : « {data['relation']} ».")
        if data.get("site"):
            try:
                URLValidator()(data["site"])
            except ValidationError:
                row.errors.append("Adresse du site invalide (elle doit commencer par https://).")
        if data.get("email"):
            try:
                validate_email(data["email"])
            except ValidationError:
                row.errors.append("Adresse e-mail invalide.")
        row.kinds = []
        for value in _split(data.get("natures", "")):
            kind = kinds.get(value.lower())
            if kind is None:
                row.errors.append(f"Nature de partenariat inconnue : « {value} ».")
            else:
                row.kinds.append(kind)
        row.action = "mise à jour" if name and Organisation.objects.named(name) else "création"
        report.rows.append(row)
    if dry_run or report.error_count:
        return report
    with transaction.atomic():
        for row in report.rows:
            data = row.data
            org = Organisation.objects.named(data["nom"]) or Organisation(name=data["nom"])
            if data.get("type"):
                org.kind = row.kind
            if row.stage:
                org.stage = row.stage
            for attr, column in (
                ("city", "ville"),
                ("website", "site"),
                ("email", "email"),
                ("description", "presentation"),
            ):
                if data.get(column):
                    setattr(org, attr, data[column])
            if data.get("public"):
                org.is_public = data["public"].lower() in ("oui", "1", "true", "vrai", "x")
            org.save()
            if row.kinds:
                org.partnership_kinds.add(*row.kinds)
        log(AuditEntry.Action.IMPORT, user=user, kind="organisations", rows=len(report.rows))
    report.applied = True
    return report
