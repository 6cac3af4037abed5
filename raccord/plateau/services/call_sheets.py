"""Call sheets: one per shooting day, and who is called when."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ..models import CallSheet
from .common import PlateauError


@transaction.atomic
def save_call_sheet(member, *, day: date, instance: CallSheet | None = None, **fields) -> CallSheet:
    if not member.coordinates:
        raise PlateauError("Seules la coordination et la facilitation préparent les feuilles.")
    sheet = instance or CallSheet(production=member.production, day=day)
    if sheet.production_id != member.production_id:
        raise PlateauError("Cette feuille de service n’existe pas.")
    clash = CallSheet.objects.filter(production=member.production, day=day).exclude(pk=sheet.pk)
    if clash.exists():
        raise PlateauError("Une feuille de service existe déjà pour ce jour.")
    sheet.day = day
    for name, value in fields.items():
        setattr(sheet, name, value)
    sheet.save()
    return sheet


@transaction.atomic
def set_call(member, sheet: CallSheet, *, crew_member_id: int, time, note: str = ""):
    if not member.coordinates or sheet.production_id != member.production_id:
        raise PlateauError("Seules la coordination et la facilitation préparent les feuilles.")
    called = member.production.members.current().filter(pk=crew_member_id).first()
    if called is None:
        raise PlateauError("Choisissez une personne de l’équipe.")
    call, _ = sheet.calls.update_or_create(member=called, defaults={"time": time, "note": note})
    return call
