"""The carbon logbook: entries, totals per heading and the CSV export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from ..models import CarbonEntry, EmissionFactor
from .common import PlateauError


@transaction.atomic
def log_carbon(
    member, *, day: date, factor_id: int, quantity, kind=CarbonEntry.Kind.ACTUAL, note=""
):
    factor = EmissionFactor.objects.filter(pk=factor_id).first()
    if factor is None:
        raise PlateauError("Choisissez une catégorie.")
    quantity = Decimal(str(quantity))
    if quantity < 0:
        raise PlateauError("La quantité ne peut pas être négative.")
    if kind not in CarbonEntry.Kind.values:
        raise PlateauError("Indiquez s’il s’agit d’un prévisionnel ou d’un réel.")
    return CarbonEntry.objects.create(
        production=member.production,
        day=day,
        factor=factor,
        quantity=quantity,
        kind=kind,
        note=(note or "").strip()[:200],
        created_by=member,
    )


@transaction.atomic
def delete_carbon(member, entry_id: int) -> None:
    """Coordination, facilitation or the person who wrote the line may take it back."""
    entry = CarbonEntry.objects.filter(pk=entry_id, production=member.production).first()
    if entry is None:
        raise PlateauError("Cette ligne n’existe pas.")
    if not (member.coordinates or entry.created_by_id == member.pk):
        raise PlateauError("Seule la personne qui l’a saisie ou la coordination peut la retirer.")
    entry.delete()


def carbon_totals(production) -> dict:
    """kgCO2e per heading, forecast and actual, computed from the factors as they stand."""
    headings = {
        value: {
            "label": label,
            "forecast": Decimal("0.00"),
            "actual": Decimal("0.00"),
        }
        for value, label in EmissionFactor.Heading.choices
    }
    total = {"forecast": Decimal("0.00"), "actual": Decimal("0.00")}
    for entry in production.carbon_entries.select_related("factor"):
        kg = entry.kg_co2e
        headings[entry.factor.heading][entry.kind] += kg
        total[entry.kind] += kg
    return {"headings": headings, "total": total}


CSV_HEADER = [
    "date",
    "prévisionnel ou réel",
    "poste",
    "catégorie",
    "quantité",
    "unité",
    "facteur (kgCO2e par unité)",
    "source du facteur",
    "kgCO2e",
    "précision",
]


def carbon_rows(production):
    for entry in production.carbon_entries.select_related("factor").order_by("day", "pk"):
        yield [
            entry.day,
            entry.get_kind_display(),
            entry.factor.get_heading_display(),
            entry.factor.label,
            entry.quantity,
            entry.factor.unit,
            entry.factor.kg_co2e_per_unit,
            entry.factor.source,
            entry.kg_co2e,
            entry.note,
        ]
