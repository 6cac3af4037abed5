"""A residency's money: budget lines and funding sources."""

from django.db import models

from raccord.core.fields import optional_link

from .pages import ResidencyPage


class BudgetLine(models.Model):
    class Category(models.TextChoices):
        HOUSING = "housing", "Hébergement"
        MEALS = "meals", "Repas"
        TRANSPORT = "transport", "Transport"
        EQUIPMENT = "equipment", "Matériel"
        PAY = "pay", "Rémunérations"
        FACILITATION = "facilitation", "Facilitation"
        POSTPRODUCTION = "postproduction", "Postproduction"
        COMMUNICATION = "communication", "Communication"
        OTHER = "other", "Autre"

    residency = models.ForeignKey(
        ResidencyPage,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name="résidence",
    )
    category = models.CharField("poste", max_length=20, choices=Category.choices)
    label = models.CharField("intitulé", max_length=200)
    amount = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "ligne de budget"
        verbose_name_plural = "lignes de budget"
        ordering = ["residency", "category", "label"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="budget_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.amount} €)"


class FundingSource(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partner", "Partenaire"
        PUBLIC_GRANT = "public_grant", "Subvention publique"
        DONATIONS = "donations", "Dons"
        EVENT_TAKINGS = "event_takings", "Recettes de soirée"
        OWN_FUNDS = "own_funds", "Fonds propres"
        OTHER = "other", "Autre"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Sollicité"
        GRANTED = "granted", "Accordé"
        RECEIVED = "received", "Reçu"

    residency = models.ForeignKey(
        ResidencyPage,
        on_delete=models.CASCADE,
        related_name="funding_sources",
        verbose_name="résidence",
    )
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    name = models.CharField("source", max_length=200)
    organisation = optional_link(
        "people.Organisation",
        "organisation",
        related_name="residency_funding",
    )
    amount = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    status = models.CharField(
        "état", max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_on = models.DateField("demandé le", null=True, blank=True)
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "financement"
        verbose_name_plural = "financements"
        ordering = ["residency", "status", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="funding_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount} €, {self.get_status_display().lower()})"

    @property
    def is_secured(self) -> bool:
        return self.status in (self.Status.GRANTED, self.Status.RECEIVED)
