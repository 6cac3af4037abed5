"""Productions and their crews' memberships."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel

from raccord.core.fields import optional_link


class Production(models.Model):
    """A film being shot by a crew the collective works with (a residency crew, a coached crew)."""

    class Kind(models.TextChoices):
        SHORT = "short", "Court métrage"
        FEATURE = "feature", "Long métrage"
        DOCUMENTARY = "documentary", "Documentaire"
        OTHER = "other", "Autre"

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    kind = models.CharField("type d’œuvre", max_length=20, choices=Kind, default=Kind.SHORT)
    context = models.CharField(
        "contexte",
        max_length=200,
        blank=True,
        help_text="Par exemple : « Résidence printemps 2026 » ou « Accompagnement d’équipe ».",
    )
    description = models.TextField("présentation", blank=True)
    location = models.CharField("lieu principal", max_length=200, blank=True)
    first_shooting_day = models.DateField("premier jour de tournage", null=True, blank=True)
    last_shooting_day = models.DateField("dernier jour de tournage", null=True, blank=True)
    vhss_training_required = models.BooleanField(
        "formations VHSS demandées",
        default=True,
        help_text="Module 1 en ligne, module 2 en présentiel au plus tard 15 jours après le "
        "premier jour de tournage (obligatoire pour les longs métrages aidés par le CNC).",
    )
    parity_grid = optional_link(
        "residencies.ParityGrid",
        "grille de parité",
    )
    residency_crew = models.OneToOneField(
        "residencies.Crew",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plateau_production",
        verbose_name="équipe de résidence",
        help_text="L’équipe de résidence dont ce tournage reprend les personnes.",
    )
    quorum = models.PositiveSmallIntegerField(
        "quorum (nombre de réponses)",
        null=True,
        blank=True,
        help_text="Réponses nécessaires pour clôturer une proposition sans confirmation. "
        "Vide : les deux tiers des membres actifs.",
    )
    archived = models.BooleanField("archivée", default=False)
    created_at = models.DateTimeField("créée le", default=timezone.now)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("context"),
        FieldPanel("description"),
        FieldPanel("location"),
        FieldPanel("first_shooting_day"),
        FieldPanel("last_shooting_day"),
        FieldPanel("vhss_training_required"),
        FieldPanel("parity_grid"),
        FieldPanel("residency_crew"),
        FieldPanel("quorum"),
        FieldPanel("archived"),
    ]

    class Meta:
        verbose_name = "tournage"
        verbose_name_plural = "tournages"
        ordering = ["-first_shooting_day", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:80] or "tournage"
        super().save(*args, **kwargs)

    @property
    def module2_deadline(self):
        """Module 2 is due at the latest 15 days after the first shooting day."""
        if self.first_shooting_day is None:
            return None
        return self.first_shooting_day + timedelta(days=15)

    def referents(self):
        return self.members.active().filter(is_vhss_referent=True).select_related("contact")


class CrewMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CrewMember.Status.ACTIVE)

    def current(self):
        """Invited or active: the people the crew counts on."""
        return self.exclude(status=CrewMember.Status.REVOKED)


class CrewMember(models.Model):
    """A Contact's membership of one production's crew; the session holds its id."""

    class Role(models.TextChoices):
        FACILITATION = "facilitation", "Facilitation"
        COORDINATION = "coordination", "Coordination"
        MEMBER = "member", "Membre de l’équipe"

    class Notices(models.TextChoices):
        IMMEDIATE = "immediate", "À chaque proposition ouverte ou clôturée"
        DIGEST = "digest", "Un résumé par jour"
        NONE = "none", "Jamais"

    class Status(models.TextChoices):
        INVITED = "invited", "Invitation envoyée"
        ACTIVE = "active", "Membre actif·ve"
        REVOKED = "revoked", "Accès retiré"

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="members", verbose_name="tournage"
    )
    contact = models.ForeignKey(
        "people.Contact",
        on_delete=models.CASCADE,
        related_name="crew_memberships",
        verbose_name="contact",
    )
    role = models.CharField("rôle", max_length=20, choices=Role, default=Role.MEMBER)
    position = models.CharField(
        "poste", max_length=120, blank=True, help_text="Par exemple : scripte, cheffe opératrice."
    )
    parity_post = models.CharField(
        "poste dans la grille de parité",
        max_length=60,
        blank=True,
        help_text="Clé du poste dans la grille de parité (réalisation, image, son…).",
    )
    counts_as_woman = models.BooleanField(
        "compte comme femme pour la grille de parité",
        null=True,
        blank=True,
        help_text="Indiqué par la personne elle-même ; laissé vide si elle ne souhaite pas le dire.",
    )
    status = models.CharField(
        "statut", max_length=10, choices=Status, default=Status.INVITED, db_index=True
    )
    is_vhss_referent = models.BooleanField("référent·e VHSS", default=False)
    # Set by save() when the person becomes a referent: they read messages from then on only.
    referent_since = models.DateTimeField("référent·e VHSS depuis", null=True, blank=True)
    is_eco_referent = models.BooleanField("éco-référent·e", default=False)
    referent_phone = models.CharField(
        "téléphone affiché (référent·e)",
        max_length=40,
        blank=True,
        help_text="Numéro que la personne accepte d’afficher sur l’espace et la feuille de service.",
    )
    module1_done_on = models.DateField("module 1 VHSS suivi le", null=True, blank=True)
    module2_scheduled_on = models.DateField("module 2 VHSS prévu le", null=True, blank=True)
    module2_done_on = models.DateField("module 2 VHSS suivi le", null=True, blank=True)
    training_reminded_at = models.DateTimeField("dernier rappel formation", null=True, blank=True)
    invited_at = models.DateTimeField("invité·e le", default=timezone.now)
    joined_at = models.DateTimeField("a rejoint le", null=True, blank=True)
    last_login_at = models.DateTimeField("dernière connexion", null=True, blank=True)
    revoked_at = models.DateTimeField("accès retiré le", null=True, blank=True)
    # Raised by every revocation and re-invitation; sessions and login links carry it.
    access_version = models.PositiveIntegerField("version de l’accès", default=0, editable=False)
    notices = models.CharField(
        "avis des propositions", max_length=10, choices=Notices, default=Notices.IMMEDIATE
    )

    objects = CrewMemberQuerySet.as_manager()

    class Meta:
        verbose_name = "membre d’équipe"
        verbose_name_plural = "membres d’équipe"
        ordering = ["production", "contact__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "contact"], name="plateau_one_membership_per_production"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.production})"

    def save(self, *args, **kwargs):
        if self.is_vhss_referent and self.referent_since is None:
            self.referent_since = timezone.now()
        elif not self.is_vhss_referent:
            self.referent_since = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "is_vhss_referent" in update_fields:
            kwargs["update_fields"] = {*update_fields, "referent_since"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        if self.contact.erased_at:
            return "Personne effacée"
        return self.contact.name or self.contact.email.split("@")[0]

    @property
    def facilitates(self) -> bool:
        return self.role == self.Role.FACILITATION

    @property
    def coordinates(self) -> bool:
        """Coordination and facilitation both run the practical side (call sheets, carbon, pay)."""
        return self.role in (self.Role.FACILITATION, self.Role.COORDINATION)

    def training_status(self) -> dict:
        """Where this person stands with the two VHSS modules, in words the crew reads."""
        deadline = self.production.module2_deadline
        module2_late = bool(
            deadline
            and not self.module2_done_on
            and (self.module2_scheduled_on is None or self.module2_scheduled_on > deadline)
        )
        return {
            "module1": bool(self.module1_done_on),
            "module2_done": bool(self.module2_done_on),
            "module2_scheduled": self.module2_scheduled_on,
            "module2_deadline": deadline,
            "module2_late": module2_late,
            "complete": bool(self.module1_done_on and self.module2_done_on),
            "needs_reminder": bool(not self.module1_done_on or module2_late),
        }
