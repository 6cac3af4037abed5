"""Call sheets, carbon logbook and pay transparency."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from .crew import CrewMember, Production


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


class PayGrid(ClusterableModel):
    """Weekly minimums of the film production collective agreement (IDCC 3097), by date."""

    name = models.CharField(
        "nom",
        max_length=200,
        default="Convention collective de la production cinématographique (IDCC 3097)",
    )
    effective_from = models.DateField("en vigueur à partir du")
    source = models.CharField("source", max_length=300, blank=True)
    is_example = models.BooleanField(
        "valeurs d’exemple à vérifier",
        default=False,
        help_text="Cochez tant que les montants n’ont pas été vérifiés sur le texte en vigueur.",
    )
    basis_hours = models.PositiveSmallIntegerField("heures par semaine de référence", default=39)

    panels = [
        FieldPanel("name"),
        FieldPanel("effective_from"),
        FieldPanel("source"),
        FieldPanel("is_example"),
        FieldPanel("basis_hours"),
        InlinePanel("rates", label="Minimums par poste"),
    ]

    class Meta:
        verbose_name = "grille de salaires minimums"
        verbose_name_plural = "grilles de salaires minimums"
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.name}, en vigueur au {self.effective_from:%d/%m/%Y}"

    @classmethod
    def in_force(cls, on):
        return cls.objects.filter(effective_from__lte=on).order_by("-effective_from").first()


class PayGridRate(models.Model):
    grid = ParentalKey(PayGrid, on_delete=models.CASCADE, related_name="rates")
    code = models.SlugField(
        "code du poste", max_length=60, help_text="Le même code d’une version à l’autre."
    )
    position = models.CharField("poste", max_length=150)
    weekly_minimum = models.DecimalField(
        "minimum hebdomadaire brut (€)", max_digits=9, decimal_places=2
    )

    panels = [FieldPanel("code"), FieldPanel("position"), FieldPanel("weekly_minimum")]

    class Meta:
        verbose_name = "minimum par poste"
        verbose_name_plural = "minimums par poste"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["grid", "code"], name="plateau_one_rate_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.position} : {self.weekly_minimum} €"


class PayLine(models.Model):
    """A position's agreed pay on this production, shown to the whole crew next to the minimum."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="pay_lines")
    position = models.CharField("poste", max_length=150)
    grid_code = models.SlugField("code du poste dans la grille", max_length=60, blank=True)
    agreed_weekly_pay = models.DecimalField(
        "salaire hebdomadaire brut convenu (€)", max_digits=9, decimal_places=2
    )
    weekly_hours = models.PositiveSmallIntegerField("heures par semaine", default=39)
    note = models.CharField("précision", max_length=200, blank=True)

    panels = [
        FieldPanel("production"),
        FieldPanel("position"),
        FieldPanel("grid_code"),
        FieldPanel("agreed_weekly_pay"),
        FieldPanel("weekly_hours"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "rémunération d’un poste"
        verbose_name_plural = "rémunérations des postes"
        ordering = ["production", "position"]

    def __str__(self) -> str:
        return f"{self.position} ({self.production})"
