"""Decisions by consent, question rounds, elections without candidates."""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.utils import timezone

from ..models import Answer, CrewMember, Nomination, Proposal
from .common import PlateauError, _log


def _locked(proposal, member, missing: str = "Cette proposition n’existe pas.") -> Proposal:
    """The proposal, locked for this transaction, if it belongs to the member's production."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.production_id != member.production_id:
        raise PlateauError(missing)  # another crew's: as if it did not exist
    return proposal


@transaction.atomic
def propose(member, *, title: str, body: str, kind=Proposal.Kind.CONSENT, office: str = ""):
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise PlateauError("Donnez un titre et le texte de la proposition.")
    if kind == Proposal.Kind.ELECTION:
        if office not in Proposal.Office.values or not office:
            raise PlateauError("Choisissez le rôle à attribuer.")
        phase = Proposal.Phase.NOMINATION
    else:
        office, phase = "", Proposal.Phase.CONSENT
    proposal = Proposal.objects.create(
        production=member.production,
        author=member,
        kind=kind,
        title=title[:200],
        body=body,
        office=office,
        phase=phase,
    )
    _log(
        member.production,
        f"{proposal.get_kind_display()} ouverte : {proposal.title}",
        proposal=proposal,
    )
    return proposal


def everyone_answered(proposal) -> bool:
    crew = proposal.production.members.active().count()
    if proposal.in_nomination:
        return proposal.nominations.count() >= crew
    return crew > 0 and proposal.answers.filter(member__status="active").count() >= crew


def answers_visible(proposal) -> bool:
    """Answers stay hidden until the proposal closes or the whole crew has answered."""
    return not proposal.is_open or everyone_answered(proposal)


@transaction.atomic
def answer(member, proposal, *, choice: str = "", reason: str = "") -> Answer:
    """Give or change one's answer while the proposal is open; an objection needs a reason."""
    proposal = _locked(proposal, member)
    if not proposal.is_open:
        raise PlateauError("Cette proposition est clôturée : les réponses ne changent plus.")
    if proposal.in_nomination:
        raise PlateauError("Cette élection en est aux nominations : nommez quelqu’un d’abord.")
    reason = (reason or "").strip()
    if proposal.kind == Proposal.Kind.ROUND:
        if not reason:
            raise PlateauError("Écrivez votre parole pour ce tour.")
        choice = ""
    else:
        if choice not in Answer.Choice.values:
            raise PlateauError(
                "Choisissez : je consens, je consens avec une réserve, ou j’objecte."
            )
        if choice == Answer.Choice.OBJECTION and not reason:
            raise PlateauError(
                "Une objection s’accompagne de sa raison : dites ce qui vous en empêche."
            )
        if choice == Answer.Choice.CONCERN and not reason:
            raise PlateauError("Dites en quelques mots votre réserve.")
    given, _ = Answer.objects.update_or_create(
        proposal=proposal, member=member, defaults={"choice": choice, "reason": reason}
    )
    return given


@transaction.atomic
def nominate(member, proposal, *, nominee_id: int, reason: str = "") -> Nomination:
    proposal = _locked(proposal, member, "Cette élection n’existe pas.")
    if not proposal.is_open or not proposal.in_nomination:
        raise PlateauError("Les nominations sont terminées pour cette élection.")
    nominee = member.production.members.active().filter(pk=nominee_id).first()
    if nominee is None:
        raise PlateauError("Choisissez une personne de l’équipe.")
    nomination, _ = Nomination.objects.update_or_create(
        proposal=proposal,
        nominator=member,
        defaults={"nominee": nominee, "reason": (reason or "").strip()},
    )
    return nomination


def nomination_tally(proposal) -> list[dict]:
    counts = Counter(n.nominee_id for n in proposal.nominations.all())
    members = {m.pk: m for m in proposal.production.members.select_related("contact")}
    return [
        {"member": members[pk], "count": count}
        for pk, count in counts.most_common()
        if pk in members
    ]


@transaction.atomic
def put_candidate(facilitator, proposal, *, candidate_id: int) -> Proposal:
    """After hearing the nominations, facilitation proposes one person; the crew then consents."""
    _require_facilitation(facilitator)
    proposal = _locked(
        proposal, facilitator, "Cette élection n’attend pas de proposition de personne."
    )
    if not proposal.in_nomination:
        raise PlateauError("Cette élection n’attend pas de proposition de personne.")
    if not proposal.is_open:
        raise PlateauError("Cette élection est clôturée.")
    candidate = facilitator.production.members.active().filter(pk=candidate_id).first()
    if candidate is None:
        raise PlateauError("Choisissez une personne de l’équipe.")
    proposal.candidate = candidate
    proposal.phase = Proposal.Phase.CONSENT
    proposal.save(update_fields=["candidate", "phase"])
    _log(
        proposal.production,
        f"Élection « {proposal.title} » : {candidate.display_name} est proposé·e "
        f"pour le rôle {proposal.get_office_display()}.",
        proposal=proposal,
    )
    return proposal


def _require_facilitation(member) -> None:
    if not member.facilitates:
        raise PlateauError("Seules les personnes à la facilitation peuvent faire cela.")


def _reasons(answers, choice) -> list[str]:
    return [a.reason for a in answers if a.choice == choice and a.reason]


@transaction.atomic
def close(facilitator, proposal) -> Proposal:
    """Close a proposal, reveal the answers and write the outcome and its reasons in the log."""
    _require_facilitation(facilitator)
    proposal = _locked(proposal, facilitator)
    if not proposal.is_open:
        raise PlateauError("Cette proposition est déjà clôturée.")
    if proposal.in_nomination:
        raise PlateauError("Proposez d’abord une personne, puis recueillez les consentements.")
    answers = list(proposal.answers.all())
    objections = _reasons(answers, Answer.Choice.OBJECTION)
    concerns = _reasons(answers, Answer.Choice.CONCERN)
    lines = []
    if proposal.kind == Proposal.Kind.ROUND:
        proposal.outcome = Proposal.Outcome.ROUND_DONE
        lines = [f"– {a.reason}" for a in answers]
    else:
        if proposal.kind == Proposal.Kind.ELECTION:
            outcome = Proposal.Outcome.NOT_ELECTED if objections else Proposal.Outcome.ELECTED
        elif objections:
            outcome = Proposal.Outcome.OBJECTED
        elif concerns:
            outcome = Proposal.Outcome.ADOPTED_WITH_CONCERNS
        else:
            outcome = Proposal.Outcome.ADOPTED
        proposal.outcome = outcome
        tally = Counter(a.choice for a in answers)
        lines.append(
            f"{tally[Answer.Choice.CONSENT]} consentement(s), {tally[Answer.Choice.CONCERN]} "
            f"réserve(s), {tally[Answer.Choice.OBJECTION]} objection(s)."
        )
        lines += [f"Objection : {r}" for r in objections]
        lines += [f"Réserve : {r}" for r in concerns]
        if outcome == Proposal.Outcome.ELECTED and proposal.candidate_id:
            _give_office(proposal)
            lines.append(f"{proposal.candidate.display_name} : {proposal.get_office_display()}.")
    proposal.status = Proposal.Status.CLOSED
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["status", "outcome", "closed_at"])
    _log(
        proposal.production,
        f"{proposal.title} : {proposal.get_outcome_display()}",
        "\n".join(lines),
        proposal=proposal,
    )
    return proposal


def _give_office(proposal) -> None:
    candidate = proposal.candidate
    if proposal.office == Proposal.Office.VHSS_REFERENT:
        candidate.is_vhss_referent = True
    elif proposal.office == Proposal.Office.ECO_REFERENT:
        candidate.is_eco_referent = True
    elif proposal.office == Proposal.Office.FACILITATOR:
        candidate.role = CrewMember.Role.FACILITATION
    candidate.save(update_fields=["is_vhss_referent", "is_eco_referent", "role"])
