"""Calls for participants, the applications they receive and the team's opinions on them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from raccord.core.fields import optional_link

from .pages import ResidencyPage

ROLE_CHOICES = [
    ("directing", "Réalisation"),
    ("screenwriting", "Scénario"),
    ("cinematography", "Image"),
    ("sound", "Son"),
    ("script_supervision", "Scripte"),
    ("set_management", "Régie"),
    ("production", "Production"),
    ("production_design", "Décor"),
    ("costume_design", "Costumes"),
    ("makeup", "Maquillage"),
    ("editing", "Montage"),
    ("acting", "Interprétation"),
    ("cooking", "Cuisine"),
    ("facilitation", "Facilitation"),
    ("coordination", "Coordination"),
    ("other", "Autre"),
]
ROLE_LABELS = dict(ROLE_CHOICES)


class Diet(models.TextChoices):
    OMNIVORE = "omnivore", "Je mange de tout"
    VEGETARIAN = "vegetarian", "Végétarien"
    VEGAN = "vegan", "Végétalien (vegan)"
    NO_PORK = "no_pork", "Sans porc"
    OTHER = "other", "Autre (précisé plus bas)"


# Optional self-description, only ever shown aggregated in groups of at least five people.
YES_NO = [("yes", "Oui"), ("no", "Non")]
DIVERSITY_QUESTIONS = {
    "gender": (
        "Genre",
        [
            ("woman", "Femme"),
            ("man", "Homme"),
            ("non_binary", "Non-binaire"),
            ("other", "Autrement"),
        ],
    ),
    "racialised": ("Personne racisée", YES_NO),
    "disability": ("Situation de handicap", YES_NO),
    "first_professional_shoot": ("Premier tournage professionnel", YES_NO),
}


# --- Call for participants -------------------------------------------------------------------


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)


class Call(ClusterableModel):
    residency = models.ForeignKey(
        ResidencyPage, on_delete=models.CASCADE, related_name="calls", verbose_name="résidence"
    )
    title = models.CharField("titre", max_length=200, default="Appel à participation")
    intro = models.TextField("présentation de l’appel", blank=True)
    opens_at = models.DateTimeField("ouverture des candidatures")
    closes_at = models.DateTimeField("clôture des candidatures")
    is_published = models.BooleanField("publié", default=True)
    team_email = models.EmailField(
        "notifier cette adresse",
        blank=True,
        help_text="Reçoit un message à chaque candidature ; par défaut l’adresse de l’équipe.",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    objects = CallQuerySet.as_manager()

    panels = [
        FieldPanel("residency"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("is_published"),
        FieldPanel("team_email"),
        InlinePanel("roles", label="Rôles recherchés", min_num=1),
    ]

    class Meta:
        verbose_name = "appel à participation"
        verbose_name_plural = "appels à participation"
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.residency.title}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "La clôture doit suivre l’ouverture."})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at

    def is_upcoming(self, now=None) -> bool:
        return self.is_published and (now or timezone.now()) < self.opens_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class CallRole(Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("rôle", max_length=30, choices=ROLE_CHOICES)
    places = models.PositiveSmallIntegerField("places", default=1)
    description = models.CharField("précisions", max_length=300, blank=True)

    panels = [FieldPanel("role"), FieldPanel("places"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "rôle recherché"
        verbose_name_plural = "rôles recherchés"
        constraints = [models.UniqueConstraint(fields=["call", "role"], name="call_role_unique")]

    def __str__(self) -> str:
        return self.get_role_display()


# --- Applications and selection --------------------------------------------------------------


class ApplicationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Application.Status.ACCEPTED)


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Reçue"
        ACCEPTED = "accepted", "Retenue"
        WAITLIST = "waitlist", "Liste d’attente"
        DECLINED = "declined", "Non retenue"

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="applications", verbose_name="appel"
    )
    contact = optional_link(
        "people.Contact",
        "contact",
        related_name="residency_applications",
    )
    name = models.CharField("nom", max_length=200)
    pronouns = models.CharField("pronoms", max_length=50, blank=True)
    roles = models.ManyToManyField(CallRole, related_name="applications", verbose_name="rôles")
    experience = models.TextField("expérience", blank=True)
    links = models.TextField("liens", blank=True)
    motivation = models.TextField("motivation")
    availability = models.TextField("disponibilités", blank=True)
    arrival_date = models.DateField("arrivée prévue", null=True, blank=True)
    departure_date = models.DateField("départ prévu", null=True, blank=True)
    accessibility_needs = models.TextField("besoins d’accessibilité", blank=True)
    diet = models.CharField(
        "régime alimentaire", max_length=20, choices=Diet.choices, default=Diet.OMNIVORE
    )
    dietary_notes = models.TextField("allergies et précisions alimentaires", blank=True)
    diversity_consent = models.BooleanField("accord pour les statistiques", default=False)
    diversity = models.JSONField("auto-description", default=dict, blank=True)
    status = models.CharField(
        "décision", max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = optional_link(
        settings.AUTH_USER_MODEL,
        "décidée par",
    )
    submissions = models.PositiveSmallIntegerField("envois", default=1)
    created_at = models.DateTimeField("reçue le", default=timezone.now)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "contact"], name="one_application_per_person_and_call"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or 'Candidature anonymisée'} — {self.call}"

    @property
    def role_labels(self) -> list[str]:
        return [r.get_role_display() for r in self.roles.all()]


class Opinion(models.Model):
    class Verdict(models.TextChoices):
        YES = "yes", "Oui"
        MAYBE = "maybe", "Peut-être"
        NO = "no", "Non"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="opinions", verbose_name="candidature"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="residency_opinions",
        verbose_name="relecteur·ice",
    )
    verdict = models.CharField("avis", max_length=10, choices=Verdict.choices)
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField("donné le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "avis"
        verbose_name_plural = "avis"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_opinion_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} — {self.reviewer}"
