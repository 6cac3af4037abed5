"""Call sheets: one per shooting day, and who is called when."""

from __future__ import annotations

from django.db import models

from .crews import CrewMember, Production


class CallSheet(models.Model):
    """The feuille de service of one shooting day."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="call_sheets")
    day = models.DateField("jour")
    day_number = models.PositiveSmallIntegerField("jour de tournage n°", null=True, blank=True)
    general_call = models.TimeField("convocation générale", null=True, blank=True)
    wrap = models.TimeField("fin de journée prévue", null=True, blank=True)
    places = models.TextField(
        "lieux", blank=True, help_text="Un lieu par ligne : nom, adresse, accès."
    )
    schedule = models.TextField(
        "déroulé", blank=True, help_text="Une étape par ligne, par exemple « 09:00 Séquence 12 »."
    )
    meals = models.TextField(
        "repas", blank=True, help_text="Horaires, lieu, nombre de repas et régimes."
    )
    notes = models.TextField("à savoir", blank=True)
    published = models.BooleanField("publiée pour l’équipe", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "feuille de service"
        verbose_name_plural = "feuilles de service"
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "day"], name="plateau_one_call_sheet_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Feuille de service du {self.day:%d/%m/%Y}"

    def lines(self, field: str) -> list[str]:
        return [line.strip() for line in getattr(self, field).splitlines() if line.strip()]


class CallTime(models.Model):
    """Who is called, when, for what, on a call sheet."""

    call_sheet = models.ForeignKey(CallSheet, on_delete=models.CASCADE, related_name="calls")
    member = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="calls")
    time = models.TimeField("convocation")
    note = models.CharField("précision", max_length=200, blank=True)

    class Meta:
        verbose_name = "convocation"
        verbose_name_plural = "convocations"
        ordering = ["time"]
        constraints = [
            models.UniqueConstraint(fields=["call_sheet", "member"], name="plateau_one_call_each")
        ]

    def __str__(self) -> str:
        return f"{self.member} à {self.time:%H:%M}"
