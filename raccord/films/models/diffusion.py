"""What happened (/diffusion/) and the requests venues send for a screening or the exhibition."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone

from raccord.core.fields import optional_link

from .common import SectionPage
from .films import FilmPage

# --- What happened: /diffusion/ ---------------------------------------------------------------


class DiffusionPage(SectionPage):
    subpage_types: list[str] = []
    template = "films/diffusion_page.html"

    class Meta:
        verbose_name = "page diffusion"

    def get_context(self, request, *args, **kwargs):
        from ..stats import diffusion_summary

        context = super().get_context(request, *args, **kwargs)
        context.update(diffusion_summary())
        return context


class ShowingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True, date__lte=timezone.localdate())


class Showing(models.Model):
    """One screening or exhibition that took place; what /diffusion/ draws."""

    date = models.DateField("date")
    end_date = models.DateField("fin (pour une exposition)", null=True, blank=True)
    title = models.CharField("intitulé", max_length=200)
    venue = models.CharField("lieu", max_length=200, blank=True)
    city = models.CharField("ville", max_length=120)
    organisation = optional_link(
        "people.Organisation",
        "organisation",
        related_name="showings",
    )
    with_screening = models.BooleanField("projection", default=True)
    with_exhibition = models.BooleanField("exposition", default=False)
    with_round_table = models.BooleanField("table ronde ou échange", default=False)
    films = models.ManyToManyField(FilmPage, verbose_name="films", blank=True, related_name="+")
    audience = models.PositiveIntegerField("public (personnes)", null=True, blank=True)
    is_public = models.BooleanField("affiché sur /diffusion/", default=True)
    note = models.TextField("note", blank=True)
    event = optional_link("events.EventPage", "soirée", related_name="showings")
    request = models.OneToOneField(
        "films.ScreeningRequest",
        verbose_name="demande d’origine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="showing",
    )

    objects = ShowingQuerySet.as_manager()

    class Meta:
        verbose_name = "diffusion réalisée"
        verbose_name_plural = "diffusions réalisées"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.title} ({self.city}, {self.date:%d/%m/%Y})"

    @property
    def kinds(self) -> list[str]:
        flags = [
            (self.with_screening, "projection"),
            (self.with_exhibition, "exposition"),
            (self.with_round_table, "table ronde"),
        ]
        return [label for on, label in flags if on]


# --- Requests from venues -----------------------------------------------------------------------


class PrivateStorage(FileSystemStorage):
    """Files sent with requests stay out of the public media folder; the admin serves them."""

    @property
    def base_location(self):
        return str(getattr(settings, "RACCORD_PRIVATE_MEDIA_ROOT", settings.VAR_DIR / "private"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()


class ScreeningRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(
            status__in=[ScreeningRequest.Status.DONE, ScreeningRequest.Status.REFUSED]
        )

    def for_contact(self, contact):
        return self.filter(contact=contact)


class ScreeningRequest(models.Model):
    """A venue asks for an accompanied screening or for the exhibition; the team follows it."""

    class Kind(models.TextChoices):
        SCREENING = "screening", "Projection accompagnée"
        EXHIBITION = "exhibition", "Accueil de l’exposition"

    class Status(models.TextChoices):
        NEW = "new", "Nouvelle"
        DISCUSSION = "in_discussion", "En discussion"
        CONFIRMED = "confirmed", "Confirmée"
        DONE = "done", "Réalisée"
        REFUSED = "refused", "Refusée"

    class VenueKind(models.TextChoices):
        CINEMA = "cinema", "Cinéma"
        ASSOCIATION = "association", "Association"
        SCHOOL = "school", "École, université"
        UNION = "union", "Syndicat"
        FESTIVAL = "festival", "Festival"
        ACTIVIST = "activist_venue", "Lieu militant ou tiers-lieu"
        LIBRARY = "library", "Médiathèque, lieu culturel"
        OTHER = "other", "Autre"

    class Budget(models.TextChoices):
        FREE = "pay_what_you_can", "Prix libre (participation libre du public)"
        AMOUNT = "amount", "Un budget défini"
        TO_DISCUSS = "to_discuss", "À discuter ensemble"

    kind = models.CharField("demande", max_length=12, choices=Kind.choices)
    status = models.CharField(
        "étape", max_length=15, choices=Status.choices, default=Status.NEW, db_index=True
    )
    contact = optional_link("people.Contact", "contact", related_name="screening_requests")
    contact_name = models.CharField("nom de la personne", max_length=200, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    organisation = optional_link(
        "people.Organisation",
        "organisation",
        related_name="screening_requests",
    )
    organisation_name = models.CharField("structure", max_length=200)
    venue_kind = models.CharField("type de lieu", max_length=20, choices=VenueKind.choices)
    venue_name = models.CharField("lieu", max_length=200, blank=True)
    city = models.CharField("ville", max_length=120)
    date_from = models.DateField("à partir du")
    date_to = models.DateField("jusqu’au", null=True, blank=True)
    dates_note = models.CharField("précisions sur les dates", max_length=300, blank=True)
    expected_audience = models.PositiveIntegerField("public attendu", null=True, blank=True)
    films = models.ManyToManyField(
        FilmPage, verbose_name="films souhaités", blank=True, related_name="+"
    )
    with_team = models.BooleanField("en présence de l’équipe", default=True)
    with_round_table = models.BooleanField("avec une table ronde", default=True)
    topics = models.TextField("sujets souhaités", blank=True)
    budget = models.CharField("budget", max_length=20, choices=Budget.choices)
    budget_amount = models.PositiveIntegerField("montant envisagé (€)", null=True, blank=True)
    technical_setup = models.TextField("équipement technique", blank=True)
    accessibility = models.TextField("accessibilité du lieu", blank=True)
    message = models.TextField("message", blank=True)
    attachment = models.FileField(
        "pièce jointe", upload_to="films/demandes/%Y/", storage=private_storage, blank=True
    )
    followed_by = optional_link(
        settings.AUTH_USER_MODEL, "suivie par", related_name="followed_screening_requests"
    )
    event = optional_link("events.EventPage", "soirée créée", related_name="screening_requests")
    source = models.CharField("envoyée depuis", max_length=300, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)

    objects = ScreeningRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de diffusion"
        verbose_name_plural = "demandes de diffusion"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.organisation_name} ({self.city})"

    @property
    def email(self) -> str:
        return self.contact.email if self.contact else ""

    @property
    def wished_dates(self) -> str:
        if self.date_to and self.date_to != self.date_from:
            return f"du {self.date_from:%d/%m/%Y} au {self.date_to:%d/%m/%Y}"
        return f"le {self.date_from:%d/%m/%Y}"


class RequestActivity(models.Model):
    """The request's journal: each move through the pipeline and each note of the team."""

    request = models.ForeignKey(ScreeningRequest, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField("le", default=timezone.now)
    by = optional_link(settings.AUTH_USER_MODEL, "par")
    from_status = models.CharField(
        "depuis", max_length=15, choices=ScreeningRequest.Status.choices, blank=True
    )
    to_status = models.CharField(
        "vers", max_length=15, choices=ScreeningRequest.Status.choices, blank=True
    )
    text = models.TextField("note", blank=True)

    class Meta:
        verbose_name = "suivi"
        verbose_name_plural = "suivi"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        if self.to_status:
            return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return self.text[:60]
