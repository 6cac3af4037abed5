"""Notices of proposals opened and closed: a mail at once, a daily digest, or nothing."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from raccord.core import outbox

from ..models import CrewMember, Notice
from .common import PlateauError, _url


def notify(proposal, event: str) -> int:
    """Tell the active crew that a proposal opened or closed, each as they chose."""
    members = proposal.production.members.active().select_related("contact")
    link = _url("plateau:proposal", proposal.pk)
    told = 0
    for member in members.exclude(notices=CrewMember.Notices.NONE):
        if member.notices == CrewMember.Notices.DIGEST:
            Notice.objects.create(member=member, proposal=proposal, event=event)
        else:
            outbox.send(
                "plateau/proposal_notice",
                to=member.contact,
                context={
                    "proposal": proposal,
                    "opened": event == Notice.Event.OPENED,
                    "production": proposal.production,
                    "link": link,
                },
            )
        told += 1
    return told


@transaction.atomic
def choose_notices(member, choice: str) -> CrewMember:
    if choice not in CrewMember.Notices.values:
        raise PlateauError("Choisissez comment être prévenu·e des propositions.")
    member.notices = choice
    member.save(update_fields=["notices"])
    return member


def send_notice_digests() -> int:
    """One mail per member gathering the notices waiting for them; run daily (jobs registry)."""
    waiting = defaultdict(list)
    for notice in Notice.objects.filter(sent_at=None).select_related(
        "member__contact", "member__production", "proposal"
    ):
        waiting[notice.member].append(notice)
    sent = 0
    for member, notices in waiting.items():
        with transaction.atomic():
            if member.status == CrewMember.Status.ACTIVE and not member.production.archived:
                outbox.send(
                    "plateau/notice_digest",
                    to=member.contact,
                    context={
                        "production": member.production,
                        "items": [(n, _url("plateau:proposal", n.proposal_id)) for n in notices],
                        "link": _url("plateau:decisions"),
                    },
                )
                sent += 1
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(sent_at=timezone.now())
    return sent
