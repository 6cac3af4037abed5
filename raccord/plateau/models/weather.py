"""The daily météo: one check-in per member and day."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from .crews import CrewMember, Production


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
