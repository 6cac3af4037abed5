"""One Contact per person, found by normalized email; every module's records point to it.

Organisations (and the kinds of partnership they offer) live here too: a person belongs to
them, and every app that deals with a structure (partners, films, residencies) points here.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from raccord.core.fields import optional_link
from raccord.core.slugs import unique_slug

from .digests import email_digest, normalize_email

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
    def email_digest(self) -> str:
        return email_digest(self.email)

    def roles_display(self) -> str:
        return ", ".join(role.name for role in self.roles.all())

    roles_display.short_description = "rôles"

    def organisations_display(self) -> str:
        return ", ".join(str(m.organisation) for m in self.memberships.all())

    organisations_display.short_description = "organisations"


class PartnershipKind(models.Model):
    """What a partnership brings: financement, accueil, co-organisation, diffusion…"""

    slug = models.SlugField("identifiant", max_length=60, unique=True)
    name = models.CharField("nature", max_length=80)
    sort_order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        db_table = "partners_partnershipkind"  # moved from partners (decision 0015)
        verbose_name = "nature de partenariat"
        verbose_name_plural = "natures de partenariat"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class OrganisationAdminForm(WagtailAdminModelForm):
    """Addresses typed without a scheme are taken as https (Django 6 default, said now)."""

    website = forms.URLField(label="site web", required=False, assume_scheme="https")


class OrganisationQuerySet(models.QuerySet):
    def shown_publicly(self):
        return self.filter(is_public=True)

    def named(self, name: str):
        """The organisation with this name in any case, accents included (SQLite folds ASCII only)."""
        wanted = " ".join((name or "").split()).casefold()
        if not wanted:
            return None
        found = self.filter(name__iexact=wanted).first()
        if found is not None:
            return found
        for pk, existing in self.values_list("pk", "name"):
            if " ".join(existing.split()).casefold() == wanted:
                return self.get(pk=pk)
        return None

    def partners(self):
        return self.filter(stage__in=[Organisation.Stage.ACTIVE, Organisation.Stage.FORMER])


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", "École"
        UNION = "union", "Syndicat"
        COLLECTIVE = "collective", "Collectif"
        FESTIVAL = "festival", "Festival"
        VENUE = "venue", "Lieu"
        MEDIA = "media", "Média"
        PUBLIC_FUNDER = "public_funder", "Financeur public"
        FOUNDATION = "foundation", "Fondation"
        COMPANY = "company", "Entreprise"
        ASSOCIATION = "association", "Association"
        OTHER = "other", "Autre"

    class Stage(models.TextChoices):
        PROSPECT = "prospect", "Prospect"
        DISCUSSION = "discussion", "En discussion"
        ACTIVE = "active", "Partenaire actif"
        FORMER = "former", "Ancien partenaire"

    class Circle(models.TextChoices):
        PARTNER = "partner", "Partenaire"
        COMPANION = "companion", "Collectif compagnon"

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant", max_length=200, unique=True, blank=True)
    kind = models.CharField("type", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField("site web", blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    stage = models.CharField(
        "relation", max_length=20, choices=Stage.choices, default=Stage.PROSPECT
    )
    is_public = models.BooleanField("affiché sur le site", default=False)
    description = models.TextField("présentation", blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    logo = optional_link(
        "wagtailimages.Image",
        "logo",
    )
    partnership_kinds = models.ManyToManyField(
        PartnershipKind,
        blank=True,
        related_name="organisations",
        verbose_name="natures du partenariat",
    )
    circle = models.CharField(
        "cercle",
        max_length=20,
        choices=Circle.choices,
        default=Circle.PARTNER,
        help_text="Sur la page publique : partenaires d’un côté, collectifs compagnons de l’autre.",
    )
    email = models.EmailField("e-mail générique", blank=True)
    notes = models.TextField("notes de l’équipe", blank=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)

    objects = OrganisationQuerySet.as_manager()
    base_form_class = OrganisationAdminForm

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("circle"),
        FieldPanel("stage"),
        FieldPanel("partnership_kinds", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("city"),
            ],
            heading="Coordonnées",
        ),
        MultiFieldPanel(
            [FieldPanel("is_public"), FieldPanel("logo"), FieldPanel("description")],
            heading="Sur le site public",
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        db_table = "partners_organisation"  # moved from partners (decision 0015)
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="organisation")
        super().save(*args, **kwargs)

    def kinds_display(self) -> str:
        return ", ".join(kind.name for kind in self.partnership_kinds.all())

    kinds_display.short_description = "natures du partenariat"

    def people_display(self) -> str:
        people = self.memberships.select_related("contact").filter(contact__erased_at__isnull=True)
        return ", ".join(
            f"{m.contact.display_name} ({m.title})" if m.title else m.contact.display_name
            for m in people
        )

    people_display.short_description = "personnes"

    def last_interactions_display(self) -> str:
        return " · ".join(
            f"{i.date:%d/%m/%Y} {i.get_channel_display()} : {i.summary[:80]}"
            for i in self.interactions.all()[:5]
        )

    last_interactions_display.short_description = "derniers échanges"


class Membership(models.Model):
    """A person's place in an organisation: their title or role there."""

    contact = ParentalKey(
        Contact, on_delete=models.CASCADE, related_name="memberships", verbose_name="contact"
    )
    organisation = models.ForeignKey(
        Organisation,
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


class ContactMessageQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(status=ContactMessage.Status.NEW)


class ContactMessage(models.Model):
    """A message left through the contact form, linked to the sender's Contact."""

    class Status(models.TextChoices):
        NEW = "new", "À traiter"
        HANDLED = "handled", "Traité"

    contact = models.ForeignKey(
        Contact,
        on_delete=models.CASCADE,
        related_name="contact_messages",
        verbose_name="contact",
    )
    name = models.CharField("nom", max_length=200)
    subject = models.CharField("objet", max_length=200)
    message = models.TextField("message")
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        "état", max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    team_notes = models.TextField("notes de l’équipe", blank=True)
    created_at = models.DateTimeField("reçu le", default=timezone.now, db_index=True)
    handled_at = models.DateTimeField("traité le", null=True, blank=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        db_table = "core_contactmessage"  # moved from core (decision 0015)
        verbose_name = "message reçu"
        verbose_name_plural = "messages reçus"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.name})"

    def save(self, *args, **kwargs):
        if self.status == self.Status.HANDLED and self.handled_at is None:
            self.handled_at = timezone.now()
        elif self.status == self.Status.NEW:
            self.handled_at = None
        super().save(*args, **kwargs)

    @property
    def email(self) -> str:
        return self.contact.email


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
    user = optional_link(
        settings.AUTH_USER_MODEL,
        "par",
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
