"""One Contact per person, found by normalized email; every module's records point to it."""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel


def normalize_email(email: str) -> str:
    """Lower-cased and trimmed: `Julie@Ex.org ` and `julie@ex.org` are one person."""
    return (email or "").strip().lower()


def email_hash(email: str) -> str:
    """A keyed digest of an address: lets the audit log and links refer to a person, not name them."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalize_email(email).encode(), hashlib.sha256).hexdigest()[:32]


ERASED_DOMAIN = "efface.invalid"


class Role(models.Model):
    """What a person is to the collective: technicien·ne, interprète, partenaire, bénévole…"""

    slug = models.SlugField("identifiant", max_length=60, unique=True)
    name = models.CharField("rôle", max_length=80)
    sort_order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "rôle"
        verbose_name_plural = "rôles"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ContactQuerySet(models.QuerySet):
    def by_email(self, email: str):
        return self.filter(email=normalize_email(email))

    def active(self):
        """People whose data has not been erased."""
        return self.filter(erased_at__isnull=True)


class Contact(ClusterableModel):
    email = models.EmailField("adresse e-mail", max_length=254, unique=True)
    name = models.CharField("nom", max_length=200, blank=True)
    pronouns = models.CharField("pronoms", max_length=50, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    roles = models.ManyToManyField(Role, blank=True, related_name="contacts", verbose_name="rôles")
    notes = models.TextField("notes de l’équipe", blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)
    erased_at = models.DateTimeField("données effacées le", null=True, blank=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = "contact"
        verbose_name_plural = "contacts"
        ordering = ["name", "email"]
        constraints = [
            # Belt and braces for bulk paths that skip save(): one address, one person.
            models.UniqueConstraint(Lower("email"), name="people_contact_email_ci_unique"),
        ]

    def __str__(self) -> str:
        if self.erased_at:
            return f"Contact effacé n°{self.pk}"
        return f"{self.name} <{self.email}>" if self.name else self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@")[0]

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def email_hash(self) -> str:
        return email_hash(self.email)

    def roles_display(self) -> str:
        return ", ".join(role.name for role in self.roles.all())

    roles_display.short_description = "rôles"

    def organisations_display(self) -> str:
        return ", ".join(str(m.organisation) for m in self.memberships.all())

    organisations_display.short_description = "organisations"


class Membership(models.Model):
    """A person's place in an organisation: their title or role there."""

    contact = ParentalKey(
        Contact, on_delete=models.CASCADE, related_name="memberships", verbose_name="contact"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="organisation",
    )
    title = models.CharField("fonction", max_length=150, blank=True)
    is_main_contact = models.BooleanField(
        "interlocuteur·ice principal·e",
        default=False,
        help_text="La personne à qui écrire en premier pour cette organisation.",
    )

    panels = [FieldPanel("organisation"), FieldPanel("title"), FieldPanel("is_main_contact")]

    class Meta:
        verbose_name = "appartenance"
        verbose_name_plural = "appartenances"
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "organisation"], name="people_membership_unique"
            )
        ]

    def __str__(self) -> str:
        title = f" ({self.title})" if self.title else ""
        return f"{self.contact} — {self.organisation}{title}"


class Consent(models.Model):
    """Proof of a consent given or withdrawn: what, when, from where, which wording."""

    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", "Infolettre"
        REGISTRATION = "registration", "Inscription à une soirée"
        CONTACT = "contact", "Message via le formulaire"
        PHOTOS = "photos", "Droit à l’image"
        DIVERSITY = "diversity", "Statistiques de diversité"
        OTHER = "other", "Autre"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField("objet", max_length=30, choices=Kind.choices)
    given = models.BooleanField("accordé", default=True)
    at = models.DateTimeField("le", default=timezone.now)
    source = models.CharField("source", max_length=300, blank=True)
    wording = models.TextField("texte présenté", blank=True)
    wording_version = models.CharField("version du texte", max_length=40, blank=True)

    class Meta:
        verbose_name = "consentement"
        verbose_name_plural = "consentements"
        ordering = ["-at"]

    def __str__(self) -> str:
        state = "accordé" if self.given else "retiré"
        return f"{self.get_kind_display()} {state} le {self.at:%d/%m/%Y}"


class AuditEntry(models.Model):
    """Who looked at, exported, merged or erased whose data, and when; holds no personal data."""

    class Action(models.TextChoices):
        LOOKUP = "lookup", "Consultation"
        EXPORT_JSON = "export_json", "Export JSON"
        EXPORT_CSV = "export_csv", "Export CSV"
        ERASE = "erase", "Effacement"
        MERGE = "merge", "Fusion de doublons"
        SELF_LINK = "self_link", "Lien envoyé à la personne"
        SELF_EXPORT = "self_export", "Téléchargement par la personne"
        SELF_ERASE = "self_erase", "Effacement demandé par la personne"
        IMPORT = "import", "Import CSV"

    action = models.CharField("action", max_length=20, choices=Action.choices)
    contact_ref = models.PositiveBigIntegerField("n° du contact", null=True, blank=True)
    contact_hash = models.CharField("empreinte de l’adresse", max_length=64, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="par",
    )
    at = models.DateTimeField("le", default=timezone.now, db_index=True)
    details = models.JSONField("détails", default=dict, blank=True)

    class Meta:
        verbose_name = "entrée du journal RGPD"
        verbose_name_plural = "journal RGPD"
        ordering = ["-at"]

    def __str__(self) -> str:
        who = self.user.get_username() if self.user else "la personne elle-même"
        return f"{self.get_action_display()} · contact n°{self.contact_ref} · {who}"

    @property
    def by(self) -> str:
        return str(self.user) if self.user else "la personne elle-même / système"
