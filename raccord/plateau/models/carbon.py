"""The carbon logbook: emission factors (data with their source) and entries."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from .crews import CrewMember, Production


class EmissionFactor(models.Model):
    """An emission factor, kept as data with its source: the team updates it, code never does."""

    class Heading(models.TextChoices):
        TRANSPORT = "transport", "Transports"
        MEALS = "meals", "Repas"
        ENERGY = "energy", "Énergie"
        EQUIPMENT = "equipment", "Matériel"
        PURCHASES = "purchases", "Achats"

    code = models.SlugField("code", max_length=60, unique=True)
    heading = models.CharField("poste", max_length=20, choices=Heading)
    label = models.CharField("libellé", max_length=200)
    unit = models.CharField("unité", max_length=40, help_text="km, repas, kWh, litre…")
    kg_co2e_per_unit = models.DecimalField("kgCO2e par unité", max_digits=10, decimal_places=4)
    source = models.CharField("source", max_length=300)
    is_estimate = models.BooleanField(
        "estimation de l’équipe",
        default=False,
        help_text="Cochez si la valeur n’est pas tirée d’une base officielle (à vérifier).",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    panels = [
        FieldPanel("heading"),
        FieldPanel("label"),
        FieldPanel("code"),
        FieldPanel("unit"),
        FieldPanel("kg_co2e_per_unit"),
        FieldPanel("source"),
        FieldPanel("is_estimate"),
        FieldPanel("order"),
    ]

    class Meta:
        verbose_name = "facteur d’émission"
        verbose_name_plural = "facteurs d’émission"
        ordering = ["heading", "order", "label"]

    def __str__(self) -> str:
        return f"{self.get_heading_display()} · {self.label} ({self.unit})"


class CarbonEntry(models.Model):
    """One line of the carbon logbook, forecast or actual, under a Carbon'Clap heading."""

    class Kind(models.TextChoices):
        FORECAST = "forecast", "Prévisionnel"
        ACTUAL = "actual", "Réel"

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="carbon_entries"
    )
    day = models.DateField("jour")
    kind = models.CharField(
        "prévisionnel ou réel", max_length=10, choices=Kind, default=Kind.ACTUAL
    )
    factor = models.ForeignKey(
        EmissionFactor, on_delete=models.PROTECT, related_name="entries", verbose_name="catégorie"
    )
    quantity = models.DecimalField("quantité", max_digits=12, decimal_places=2)
    note = models.CharField("précision", max_length=200, blank=True)
    created_by = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "entrée carbone"
        verbose_name_plural = "carnet carbone"
        ordering = ["day", "factor__heading"]

    def __str__(self) -> str:
        return f"{self.factor} · {self.quantity} ({self.day:%d/%m/%Y})"

    @property
    def kg_co2e(self) -> Decimal:
        return (self.quantity * self.factor.kg_co2e_per_unit).quantize(Decimal("0.01"))
