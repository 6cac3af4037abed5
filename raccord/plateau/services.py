"""Domain operations of the Plateau coopératif: one verb, one transaction, one error type.

Views, admin views, management commands and tests all go through these functions; every one
of them takes the acting member and works inside that member's production only.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, Max, Min
from django.urls import reverse
from django.utils import timezone

from raccord.core import outbox, signed_links
from raccord.core.spreadsheets import safe_cell

from .models import (
    Answer,
    CallSheet,
    CarbonEntry,
    CheckIn,
    CrewMember,
    EmissionFactor,
    ListeningService,
    LogEntry,
    Nomination,
    PayGrid,
    Proposal,
    ReferentMessage,
)

INVITATION_PURPOSE = "plateau.invitation"
LOGIN_PURPOSE = "plateau.login"
INVITATION_MAX_AGE = timedelta(days=30)
LOGIN_MAX_AGE = timedelta(minutes=30)
SESSION_KEY = "plateau_member_id"
# Below this many scores a day's average would let people guess who said what.
MIN_SCORES_FOR_AVERAGE = 3


class PlateauError(Exception):
    """Raised with a French sentence the crew member reads as is."""


def _url(name: str, *args) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + reverse(name, args=args)


def _log(production, title: str, text: str = "", proposal=None) -> LogEntry:
    return LogEntry.objects.create(production=production, title=title, text=text, proposal=proposal)


# ---------------------------------------------------------------------------------------------
# Invitations, logins, revocation


@transaction.atomic
def invite(production, *, email: str, name: str = "", role=CrewMember.Role.MEMBER, position=""):
    """Add a person to the crew (or re-invite them) and mail them a signed invitation link."""
    from raccord.people.services import find_or_create

    if not email or "@" not in email:
        raise PlateauError("Indiquez une adresse e-mail valide.")
    contact = find_or_create(email=email, name=name)
    member, created = CrewMember.objects.get_or_create(
        production=production,
        contact=contact,
        defaults={"role": role, "position": position},
    )
    if not created:
        if member.status == CrewMember.Status.ACTIVE:
            raise PlateauError("Cette personne fait déjà partie de l’équipe.")
        member.status = CrewMember.Status.INVITED
        member.revoked_at = None
        member.invited_at = timezone.now()
        member.role = role or member.role
        member.position = position or member.position
        member.save()
    send_invitation(member)
    return member


def invitation_token(member) -> str:
    return signed_links.make(
        INVITATION_PURPOSE, [member.pk, member.invited_at.isoformat()], max_age=INVITATION_MAX_AGE
    )


def send_invitation(member) -> None:
    link = _url("plateau:join", invitation_token(member))
    outbox.send(
        "plateau/invitation",
        to=member.contact,
        context={"member": member, "production": member.production, "link": link},
    )


def member_for_invitation(token: str) -> CrewMember:
    """The invited member a token designates; an answered, revoked or renewed invitation fails."""
    try:
        pk, invited_at = signed_links.read(INVITATION_PURPOSE, token)
    except (signed_links.BadLink, TypeError, ValueError) as error:
        raise PlateauError(str(error) if str(error) else "Ce lien n’est pas valide.") from error
    member = (
        CrewMember.objects.select_related("production", "contact")
        .filter(pk=pk, status=CrewMember.Status.INVITED)
        .first()
    )
    if member is None or member.invited_at.isoformat() != invited_at:
        raise PlateauError(
            "Cette invitation n’est plus valable. Si vous avez déjà rejoint l’équipe, "
            "connectez-vous avec votre adresse e-mail."
        )
    return member


@transaction.atomic
def join(token: str) -> CrewMember:
    """Accept an invitation: the member becomes active (the view then opens their session)."""
    member = member_for_invitation(token)
    member = CrewMember.objects.select_for_update().get(pk=member.pk)
    if member.status != CrewMember.Status.INVITED:
        raise PlateauError("Cette invitation n’est plus valable.")
    now = timezone.now()
    member.status = CrewMember.Status.ACTIVE
    member.joined_at = now
    member.last_login_at = now
    member.save(update_fields=["status", "joined_at", "last_login_at"])
    _log(member.production, f"{member.display_name} a rejoint l’espace de l’équipe.")
    return member


def login_token(member) -> str:
    """Single use: the token carries the last login time, which a login changes."""
    stamp = member.last_login_at.isoformat() if member.last_login_at else ""
    return signed_links.make(LOGIN_PURPOSE, [member.pk, stamp], max_age=LOGIN_MAX_AGE)


def request_login_link(email: str) -> int:
    """Mail a short-lived login link for each active membership of this address; say nothing."""
    from raccord.people.models import normalize_email

    members = list(
        CrewMember.objects.active()
        .filter(contact__email=normalize_email(email), production__archived=False)
        .select_related("production", "contact")
    )
    if not members:
        return 0
    links = [(m.production, _url("plateau:login_confirm", login_token(m))) for m in members]
    outbox.send(
        "plateau/login",
        to=members[0].contact,
        context={"links": links, "minutes": int(LOGIN_MAX_AGE.total_seconds() // 60)},
    )
    return len(members)


def member_for_login(token: str) -> CrewMember:
    try:
        pk, stamp = signed_links.read(LOGIN_PURPOSE, token)
    except (signed_links.BadLink, TypeError, ValueError) as error:
        raise PlateauError(str(error) if str(error) else "Ce lien n’est pas valide.") from error
    member = (
        CrewMember.objects.active()
        .select_related("production", "contact")
        .filter(pk=pk, production__archived=False)
        .first()
    )
    current = member.last_login_at.isoformat() if member and member.last_login_at else ""
    if member is None or current != stamp:
        raise PlateauError("Ce lien de connexion a déjà servi ou n’est plus valable.")
    return member


@transaction.atomic
def log_in(token: str) -> CrewMember:
    member = member_for_login(token)
    member = CrewMember.objects.select_for_update().get(pk=member.pk)
    current = member.last_login_at.isoformat() if member.last_login_at else ""
    if current != signed_links.read(LOGIN_PURPOSE, token)[1]:
        raise PlateauError("Ce lien de connexion a déjà servi.")
    member.last_login_at = timezone.now()
    member.save(update_fields=["last_login_at"])
    return member


@transaction.atomic
def revoke(member) -> CrewMember:
    """Withdraw access at once: the next request of this member finds a revoked status."""
    member.status = CrewMember.Status.REVOKED
    member.revoked_at = timezone.now()
    member.save(update_fields=["status", "revoked_at"])
    _log(member.production, f"L’accès de {member.display_name} à l’espace a été retiré.")
    return member


# ---------------------------------------------------------------------------------------------
# Météo


@transaction.atomic
def check_in(member, *, energy: int | None = None, words: str = "", signed: bool = False):
    """Record (or correct) today's météo of `member`: one per member per day."""
    words = (words or "").strip()
    if energy is None and not words:
        raise PlateauError("Donnez une énergie, un mot, ou les deux.")
    if energy is not None and not 1 <= int(energy) <= 10:
        raise PlateauError("L’énergie se note de 1 à 10.")
    if len(words) > 280:
        raise PlateauError("Quelques mots suffisent : 280 caractères au plus.")
    checkin, _ = CheckIn.objects.update_or_create(
        member=member,
        day=timezone.localdate(),
        defaults={
            "production": member.production,
            "energy": energy,
            "words": words,
            "signed": bool(signed),
        },
    )
    return checkin


@dataclass
class DayWeather:
    day: date
    count: int
    scored: int
    average: float | None
    words: list[dict] = field(default_factory=list)
    histogram: list[dict] = field(default_factory=list)


def day_weather(production, day: date | None = None) -> DayWeather:
    """The day's aggregate the whole crew sees: no names unless the person signed."""
    day = day or timezone.localdate()
    checkins = list(
        CheckIn.objects.filter(production=production, day=day).select_related("member__contact")
    )
    scores = [c.energy for c in checkins if c.energy is not None]
    average = round(sum(scores) / len(scores), 1) if len(scores) >= MIN_SCORES_FOR_AVERAGE else None
    counts = Counter(scores)
    words = [
        {"text": c.words, "by": c.member.display_name if c.signed else ""}
        for c in checkins
        if c.words
    ]
    random.SystemRandom().shuffle(words)  # the order of posting must not give people away
    histogram = []
    if len(scores) >= MIN_SCORES_FOR_AVERAGE:
        tallest = max(counts.values())
        for n in range(1, 11):
            height = round(80 * counts.get(n, 0) / tallest)
            histogram.append(
                {
                    "value": n,
                    "count": counts.get(n, 0),
                    "height": height,
                    "y": 90 - height,
                    "x": (n - 1) * 30 + 4,
                }
            )
    return DayWeather(day, len(checkins), len(scores), average, words, histogram)


def weather_trend(production) -> list[dict]:
    """Per day of the shoot: how many answered and the average energy. Never per person."""
    rows = (
        CheckIn.objects.filter(production=production)
        .values("day")
        .annotate(
            count=Count("id"),
            scored=Count("energy"),
            average=Avg("energy"),
            low=Min("energy"),
            high=Max("energy"),
        )
        .order_by("day")
    )
    trend = []
    for row in rows:
        enough = row["scored"] >= MIN_SCORES_FOR_AVERAGE
        trend.append(
            {
                "day": row["day"],
                "count": row["count"],
                "scored": row["scored"],
                "average": round(float(row["average"]), 1) if enough else None,
                "low": row["low"] if enough else None,
                "high": row["high"] if enough else None,
            }
        )
    return trend


def trend_chart(trend: list[dict], *, width: int = 640, height: int = 220) -> dict:
    """Coordinates for a server-side SVG line chart of the daily average energy (1 to 10)."""
    pad_left, pad_right, pad_top, pad_bottom = 36, 28, 12, 32
    inner_w, inner_h = width - pad_left - pad_right, height - pad_top - pad_bottom
    n = len(trend)
    step = inner_w / max(n - 1, 1)

    def y_for(value: float) -> str:
        # Strings, not floats: the French locale would print "12,5" in SVG attributes.
        return f"{pad_top + inner_h * (10 - value) / 9:.1f}"

    points = []
    for index, row in enumerate(trend):
        x = f"{pad_left + (step * index if n > 1 else inner_w / 2):.1f}"
        point = {"x": x, "row": row}
        if row["average"] is not None:
            point["y"] = y_for(row["average"])
            point["low_y"] = y_for(row["low"])
            point["high_y"] = y_for(row["high"])
        points.append(point)
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}"
        for i, p in enumerate(p for p in points if "y" in p)
    )
    return {
        "width": width,
        "height": height,
        "points": points,
        "path": path,
        "grid": [{"value": v, "y": y_for(v)} for v in (1, 4, 7, 10)],
        "left": pad_left,
        "right": width - pad_right,
        "bottom": height - pad_bottom,
        "label_y": height - 10,
    }


# ---------------------------------------------------------------------------------------------
# Decisions by consent, question rounds, elections without candidates


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
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.production_id != member.production_id:
        raise PlateauError("Cette proposition n’existe pas.")
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
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.production_id != member.production_id:
        raise PlateauError("Cette élection n’existe pas.")
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
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.production_id != facilitator.production_id or not proposal.in_nomination:
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
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.production_id != facilitator.production_id:
        raise PlateauError("Cette proposition n’existe pas.")
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


# ---------------------------------------------------------------------------------------------
# Care and safety


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
    if not member.is_vhss_referent:
        raise PlateauError("Ces messages ne sont lisibles que par les référent·es VHSS.")
    return ReferentMessage.objects.filter(production=member.production).select_related(
        "sender__contact"
    )


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


# ---------------------------------------------------------------------------------------------
# Call sheets


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


# ---------------------------------------------------------------------------------------------
# Carbon logbook


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
            entry.day.isoformat(),
            entry.get_kind_display(),
            entry.factor.get_heading_display(),
            entry.factor.label,
            f"{entry.quantity}",
            entry.factor.unit,
            f"{entry.factor.kg_co2e_per_unit}",
            entry.factor.source,
            f"{entry.kg_co2e}",
            safe_cell(entry.note),
        ]


# ---------------------------------------------------------------------------------------------
# Pay transparency and parity


def pay_table(production, on: date | None = None) -> dict:
    """Each position's agreed pay next to the minimum in force; flags what falls below."""
    on = on or production.first_shooting_day or timezone.localdate()
    grid = PayGrid.in_force(on)
    rates = {r.code: r for r in grid.rates.all()} if grid else {}
    rows = []
    for line in production.pay_lines.all():
        rate = rates.get(line.grid_code)
        minimum = None
        if rate is not None:
            basis = grid.basis_hours or 39
            minimum = (rate.weekly_minimum * line.weekly_hours / basis).quantize(Decimal("0.01"))
        rows.append(
            {
                "line": line,
                "rate": rate,
                "minimum": minimum,
                "below": minimum is not None and line.agreed_weekly_pay < minimum,
                "gap": (minimum - line.agreed_weekly_pay) if minimum is not None else None,
            }
        )
    return {"grid": grid, "on": on, "rows": rows, "below": sum(1 for r in rows if r["below"])}


@transaction.atomic
def declare_parity(member, counts_as_woman: bool | None) -> CrewMember:
    """The person's own answer for the parity grid; None withdraws it."""
    member.counts_as_woman = counts_as_woman
    member.save(update_fields=["counts_as_woman"])
    return member


def parity_panel(production):
    """The crew's score on the parity grid shared with the residencies app."""
    from raccord.residencies import parity
    from raccord.residencies.models import ParityGrid

    grid = production.parity_grid
    if grid is None:
        kind = "documentaire" if production.kind == "documentary" else "fiction"
        grid = ParityGrid.default(kind)
    spec = parity.as_spec(grid) if grid is not None else parity.default_spec()
    assignments = [
        (m.parity_post, m.counts_as_woman)
        for m in production.members.current().exclude(parity_post="")
    ]
    return {"grid": grid, "result": parity.score(spec, assignments)}
