"""Pay transparency: minimum pay grids by date, and each position's agreed pay."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from .crews import Production


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
