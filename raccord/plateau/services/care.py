"""Care and safety: referents, listening services, messages to referents, VHSS training."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from raccord.core import outbox

from ..models import CrewMember, ListeningService, ReferentMessage
from .common import PlateauError, _url


def care_panel(production) -> dict:
    """What every workspace page and every call sheet shows: referents and listening services."""
    return {
        "referents": list(production.referents()),
        "services": list(ListeningService.for_production(production)),
    }


@transaction.atomic
def message_referents(member, *, body: str, signed: bool = True) -> ReferentMessage:
    """A message only the referent(s) read; referents get a mail saying one waits, never its text."""
    body = (body or "").strip()
    if not body:
        raise PlateauError("Écrivez votre message.")
    if len(body) > 5000:
        raise PlateauError("Votre message est trop long : 5 000 caractères au plus.")
    referents = list(member.production.referents())
    if not referents:
        raise PlateauError(
            "Aucun·e référent·e VHSS n’est encore désigné·e pour ce tournage. "
            "Vous pouvez joindre un service d’écoute ci-contre."
        )
    message = ReferentMessage.objects.create(
        production=member.production,
        sender=member if signed else None,
        signed=bool(signed),
        body=body,
    )
    link = _url("plateau:referent_inbox")
    for referent in referents:
        if referent.pk == member.pk and signed:
            continue
        outbox.send(
            "plateau/referent_message",
            to=referent.contact,
            context={"production": member.production, "link": link},
        )
    return message


def referent_messages(member):
    """What this referent may read: messages sent to referents since they became one."""
    if not member.is_vhss_referent or member.referent_since is None:
        raise PlateauError("Ces messages ne sont lisibles que par les référent·es VHSS.")
    return ReferentMessage.objects.filter(
        production=member.production, created_at__gte=member.referent_since
    ).select_related("sender__contact")


@transaction.atomic
def record_training(
    member, *, module1_done_on=None, module2_scheduled_on=None, module2_done_on=None
) -> CrewMember:
    member.module1_done_on = module1_done_on
    member.module2_scheduled_on = module2_scheduled_on
    member.module2_done_on = module2_done_on
    member.save(update_fields=["module1_done_on", "module2_scheduled_on", "module2_done_on"])
    return member


def send_training_reminders(*, today: date | None = None, every=timedelta(days=7)) -> int:
    """Remind members whose VHSS training is missing or late; at most once a week each."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = 0
    members = CrewMember.objects.active().filter(
        production__archived=False, production__vhss_training_required=True
    )
    for member in members.select_related("production", "contact"):
        production = member.production
        if production.last_shooting_day and production.last_shooting_day < today:
            continue
        status = member.training_status()
        if not status["needs_reminder"]:
            continue
        if member.training_reminded_at and now - member.training_reminded_at < every:
            continue
        with transaction.atomic():
            outbox.send(
                "plateau/training_reminder",
                to=member.contact,
                context={
                    "member": member,
                    "production": production,
                    "status": status,
                    "link": _url("plateau:care"),
                },
            )
            member.training_reminded_at = now
            member.save(update_fields=["training_reminded_at"])
        sent += 1
    return sent
