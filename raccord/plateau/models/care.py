"""Care: listening services, the daily météo, messages to referents."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .crew import CrewMember, Production


class ListeningService(models.Model):
    """An external listening service, kept as data the team checks and edits (numbers change)."""

    production = models.ForeignKey(
        Production,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listening_services",
        verbose_name="tournage",
        help_text="Laisser vide pour l’afficher sur tous les tournages.",
    )
    name = models.CharField("nom", max_length=200)
    description = models.CharField("pour qui, pour quoi", max_length=300, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    url = models.URLField("site", blank=True)
    hours = models.CharField("horaires", max_length=200, blank=True)
    checked_on = models.DateField("vérifié le", null=True, blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "service d’écoute"
        verbose_name_plural = "services d’écoute"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_production(cls, production):
        return cls.objects.filter(Q(production=production) | Q(production__isnull=True))


class CheckIn(models.Model):
    """One member's météo for one day: an energy score and words, both optional."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="checkins")
    member = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField("jour", db_index=True)
    energy = models.PositiveSmallIntegerField(
        "énergie",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    words = models.CharField("mot ou phrase", max_length=280, blank=True)
    signed = models.BooleanField("signé", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "météo"
        verbose_name_plural = "météos"
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["member", "day"], name="plateau_one_checkin_per_day")
        ]

    def __str__(self) -> str:
        return f"Météo du {self.day:%d/%m/%Y}"


class ReferentMessage(models.Model):
    """A message only the production's VHSS referent(s) read. Signed unless the person chooses."""

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="referent_messages"
    )
    # Left empty when the person chooses anonymity: then nobody, not even the team, can know.
    sender = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent_messages"
    )
    signed = models.BooleanField("signé", default=True)
    body = models.TextField("message")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "message aux référent·es"
        verbose_name_plural = "messages aux référent·es"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Message aux référent·es du {self.created_at:%d/%m/%Y}"
