"""Decisions by consent, question rounds, elections without candidates."""

from __future__ import annotations

import math
from collections import Counter

from django.db import transaction
from django.utils import timezone

from ..models import Answer, CrewMember, Nomination, Notice, Proposal
from .common import PlateauError, _log
from .notices import notify


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
    notify(proposal, Notice.Event.OPENED)
    return proposal


def everyone_answered(proposal) -> bool:
    crew = proposal.production.members.active().count()
    if proposal.in_nomination:
        return _nominations(proposal).count() >= crew
    return crew > 0 and _answered(proposal) >= crew


def _answered(proposal) -> int:
    return proposal.answers.filter(member__status=CrewMember.Status.ACTIVE).count()


def _nominations(proposal):
    """Nominations that count: those of members still in the crew, for members still in it."""
    active = CrewMember.Status.ACTIVE
    return proposal.nominations.filter(nominator__status=active, nominee__status=active)


def quorum(production) -> int:
    """Answers needed to close without confirmation: the production's, or two thirds."""
    if production.quorum:
        return production.quorum
    return max(1, math.ceil(production.members.active().count() * 2 / 3))


class QuorumNotReached(PlateauError):
    """Closing now needs the facilitator's explicit confirmation."""


def not_answered(facilitator, proposal) -> list:
    """Who has not answered an open proposal yet: for facilitation only, never the crew."""
    _require_facilitation(facilitator)
    if proposal.production_id != facilitator.production_id or not proposal.is_open:
        return []
    if proposal.in_nomination:
        done = _nominations(proposal).values("nominator")
    else:
        done = proposal.answers.exclude(member=None).values("member")
    return list(proposal.production.members.active().exclude(pk__in=done).select_related("contact"))


def answers_visible(proposal) -> bool:
    """Answers stay hidden until the proposal closes or the whole crew has answered."""
    return not proposal.is_open or everyone_answered(proposal)


@transaction.atomic
def answer(member, proposal, *, choice: str = "", reason: str = "", signed: bool = False):
    """Give or change one's answer while the proposal is open; an objection needs a reason.

    A signed answer shows its author's name once the proposal closes; others never do.
    """
    proposal = _locked(proposal, member)
    if not proposal.is_open:
        raise PlateauError("Cette proposition est clôturée : les réponses ne changent plus.")
    if proposal.in_nomination:
        raise PlateauError("Cette élection en est aux nominations : nommez quelqu’un d’abord.")
    if proposal.awaiting_candidate:
        raise PlateauError(
            "La personne proposée répond d’abord : le tour de consentement s’ouvre "
            "quand elle a accepté."
        )
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
        proposal=proposal,
        member=member,
        defaults={"choice": choice, "reason": reason, "signed": bool(signed)},
    )
    return given


@transaction.atomic
def nominate(member, proposal, *, nominee_id: int, reason: str = "") -> Nomination:
    """Name someone and say why: hidden in the first round, changeable once all are shared."""
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


def shared_nominations(proposal) -> list[Nomination]:
    """Every counted nomination with its reason, once facilitation has shared them."""
    if proposal.nominations_hidden:
        return []
    return list(_nominations(proposal).select_related("nominator__contact", "nominee__contact"))


def nomination_tally(proposal) -> list[dict]:
    counts = Counter(n.nominee_id for n in _nominations(proposal))
    members = {m.pk: m for m in proposal.production.members.select_related("contact")}
    return [
        {"member": members[pk], "count": count}
        for pk, count in counts.most_common()
        if pk in members
    ]


@transaction.atomic
def share_nominations(facilitator, proposal) -> Proposal:
    """End the hidden round: the crew and facilitation read every nomination and its reason."""
    _require_facilitation(facilitator)
    proposal = _locked(proposal, facilitator, "Cette élection n’existe pas.")
    if not proposal.is_open or not proposal.nominations_hidden:
        raise PlateauError("Les nominations de cette élection sont déjà partagées.")
    if not _nominations(proposal).exists():
        raise PlateauError("Personne n’a encore été nommé·e.")
    proposal.phase = Proposal.Phase.DISCUSSION
    proposal.save(update_fields=["phase"])
    _log(
        proposal.production,
        f"Élection « {proposal.title} » : les nominations sont partagées ; chacun·e peut "
        "encore changer la sienne.",
        proposal=proposal,
    )
    return proposal


@transaction.atomic
def put_candidate(facilitator, proposal, *, candidate_id: int) -> Proposal:
    """Having read the nominations, facilitation proposes a nominated person, who answers first."""
    _require_facilitation(facilitator)
    proposal = _locked(
        proposal, facilitator, "Cette élection n’attend pas de proposition de personne."
    )
    if not proposal.is_open:
        raise PlateauError("Cette élection est clôturée.")
    if proposal.kind != Proposal.Kind.ELECTION or proposal.phase != Proposal.Phase.DISCUSSION:
        raise PlateauError(
            "Partagez d’abord les nominations avec l’équipe, puis proposez une personne."
        )
    candidate = _nominations(proposal).filter(nominee_id=candidate_id).first()
    if candidate is None:
        raise PlateauError("Proposez une personne parmi celles qui ont été nommées.")
    proposal.candidate = candidate.nominee
    proposal.candidate_accepted = None
    proposal.phase = Proposal.Phase.CONSENT
    proposal.save(update_fields=["candidate", "candidate_accepted", "phase"])
    proposal.answers.all().delete()
    _log(
        proposal.production,
        f"Élection « {proposal.title} » : {proposal.candidate.display_name} est proposé·e "
        f"pour le rôle {proposal.get_office_display()} ; la personne répond d’abord.",
        proposal=proposal,
    )
    return proposal


@transaction.atomic
def respond_as_candidate(member, proposal, *, accept: bool) -> Proposal:
    """The proposed person accepts (their consent opens the round) or declines (back to the
    nominations, and facilitation proposes someone else)."""
    proposal = _locked(proposal, member, "Cette élection n’existe pas.")
    if not proposal.is_open or not proposal.awaiting_candidate:
        raise PlateauError("Cette élection n’attend pas votre réponse.")
    if proposal.candidate_id != member.pk:
        raise PlateauError("Seule la personne proposée peut accepter ou décliner.")
    if accept:
        proposal.candidate_accepted = True
        proposal.save(update_fields=["candidate_accepted"])
        Answer.objects.update_or_create(
            proposal=proposal,
            member=member,
            defaults={"choice": Answer.Choice.CONSENT, "reason": "", "signed": True},
        )
        title = (
            f"{member.display_name} accepte d’être proposé·e : le tour de consentement est ouvert."
        )
    else:
        proposal.candidate = None
        proposal.candidate_accepted = None
        proposal.phase = Proposal.Phase.DISCUSSION
        proposal.save(update_fields=["candidate", "candidate_accepted", "phase"])
        title = (
            f"{member.display_name} décline : la facilitation propose une autre personne "
            "parmi les nominations."
        )
    _log(proposal.production, f"Élection « {proposal.title} » : {title}", proposal=proposal)
    return proposal


def _require_facilitation(member) -> None:
    if not member.facilitates:
        raise PlateauError("Seules les personnes à la facilitation peuvent faire cela.")


def _reasons(answers, choice) -> list[str]:
    return [a.reason for a in answers if a.choice == choice and a.reason]


@transaction.atomic
def close(facilitator, proposal, *, without_quorum: bool = False) -> Proposal:
    """Close a proposal, reveal the answers and write the outcome and its reasons in the log.

    Below the production's quorum, closing needs `without_quorum` (the facilitator confirmed)
    and the log says so. In an election an objection sends the process back to the
    nominations: the role is given only to a person who accepted, with no objection standing.
    """
    _require_facilitation(facilitator)
    proposal = _locked(proposal, facilitator)
    if not proposal.is_open:
        raise PlateauError("Cette proposition est déjà clôturée.")
    if proposal.nominations_hidden:
        raise PlateauError("Proposez d’abord une personne, puis recueillez les consentements.")
    if proposal.in_nomination:
        return _close_without_role(proposal)
    if proposal.awaiting_candidate:
        raise PlateauError("La personne proposée n’a pas encore accepté : attendez sa réponse.")
    answers = list(proposal.answers.all())
    objections = _reasons(answers, Answer.Choice.OBJECTION)
    concerns = _reasons(answers, Answer.Choice.CONCERN)
    if proposal.kind == Proposal.Kind.ELECTION and objections:
        return _send_back(proposal, objections)
    answered, needed = _answered(proposal), quorum(proposal.production)
    if answered < needed and not without_quorum:
        raise QuorumNotReached(
            f"{answered} réponse(s) pour un quorum de {needed} : confirmez pour clôturer "
            "sans quorum (le journal le dira)."
        )
    lines = []
    if proposal.kind == Proposal.Kind.ROUND:
        proposal.outcome = Proposal.Outcome.ROUND_DONE
        lines = [f"– {a.reason}" for a in answers]
    else:
        if proposal.kind == Proposal.Kind.ELECTION:
            outcome = Proposal.Outcome.ELECTED
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
        if outcome == Proposal.Outcome.ELECTED and proposal.candidate_accepted:
            _give_office(proposal)
            lines.append(f"{proposal.candidate.display_name} : {proposal.get_office_display()}.")
    if answered < needed:
        proposal.closed_without_quorum = True
        lines.append(f"Clôturée sans quorum : {answered} réponse(s), quorum de {needed}.")
    proposal.status = Proposal.Status.CLOSED
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["status", "outcome", "closed_at", "closed_without_quorum"])
    title = f"{proposal.title} : {proposal.get_outcome_display()}"
    if proposal.closed_without_quorum:
        title += " (sans quorum)"
    _log(proposal.production, title, "\n".join(lines), proposal=proposal)
    notify(proposal, Notice.Event.CLOSED)
    return proposal


def _close_without_role(proposal) -> Proposal:
    """Facilitation ends an election nobody could be elected in: no role, said in the log."""
    proposal.outcome = Proposal.Outcome.NOT_ELECTED
    proposal.status = Proposal.Status.CLOSED
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["status", "outcome", "closed_at"])
    _log(
        proposal.production,
        f"{proposal.title} : rôle non attribué",
        "La facilitation a clôturé l’élection sans personne proposée ni élue.",
        proposal=proposal,
    )
    notify(proposal, Notice.Event.CLOSED)
    return proposal


def _send_back(proposal, objections) -> Proposal:
    """An objection stands: no role; back to the shared nominations, the answers start over."""
    name = proposal.candidate.display_name if proposal.candidate else "La personne proposée"
    proposal.candidate = None
    proposal.candidate_accepted = None
    proposal.phase = Proposal.Phase.DISCUSSION
    proposal.save(update_fields=["candidate", "candidate_accepted", "phase"])
    proposal.answers.all().delete()
    _log(
        proposal.production,
        f"Élection « {proposal.title} » : objection, {name} n’est pas élu·e ; retour aux "
        "nominations.",
        "\n".join(f"Objection : {r}" for r in objections),
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
