"""Domain operations of residencies: apply, review, decide, compose crews, sum up logistics.

Views, admin views, the demo and tests all call these; each raises `ResidencyError` with a
French sentence the person will read as is.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from raccord.core import aggregation, exports, identity, outbox

from .models import (
    DIVERSITY_QUESTIONS,
    Application,
    Call,
    Crew,
    CrewMember,
    Diet,
    Opinion,
    ResidencyPage,
)

DIVERSITY_WORDING = (
    "J’accepte que ces réponses servent, de façon anonyme et seulement en groupes d’au moins "
    "cinq personnes, aux statistiques de diversité de la résidence."
)
DIVERSITY_WORDING_VERSION = "2026-01"


class ResidencyError(Exception):
    """Raised with a French sentence the person will read as is."""


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y à H\\hi")


# --- Applying ---------------------------------------------------------------------------------


@transaction.atomic
def apply(
    call: Call,
    *,
    email: str,
    name: str,
    roles: list[str],
    motivation: str,
    experience: str = "",
    links: str = "",
    availability: str = "",
    arrival_date: date | None = None,
    departure_date: date | None = None,
    accessibility_needs: str = "",
    diet: str = Diet.OMNIVORE,
    dietary_notes: str = "",
    pronouns: str = "",
    diversity_consent: bool = False,
    diversity: dict | None = None,
    source: str = "",
    now=None,
) -> tuple[Application, bool]:
    """Record an application; a second send for the same address and call changes nothing.

    Anyone may type anyone's address: an application already there stays as it is, and its
    owner gets a mail saying so (how to change it: reply to the team). Returns
    `(application, created)`. Mails go after commit.
    """
    from raccord.people import services as people

    call = Call.objects.select_for_update().get(pk=call.pk)
    now = now or timezone.now()
    if not call.is_published or now < call.opens_at:
        raise ResidencyError(
            f"L’appel à participation n’est pas encore ouvert : il ouvre le {_when(call.opens_at)}."
        )
    if now >= call.closes_at:
        raise ResidencyError(
            f"L’appel à participation est clos depuis le {_when(call.closes_at)} : "
            "nous ne pouvons plus recevoir de candidature. Écrivez-nous pour la prochaine fois !"
        )
    offered = {r.role: r for r in call.roles.all()}
    wanted = list(dict.fromkeys(roles or []))
    if not wanted:
        raise ResidencyError("Choisissez au moins un rôle parmi ceux que l’appel propose.")
    unknown = [code for code in wanted if code not in offered]
    if unknown:
        raise ResidencyError(
            "Ce rôle n’est pas proposé dans cet appel : "
            + ", ".join(sorted(unknown))
            + ". Choisissez parmi : "
            + ", ".join(r.get_role_display().lower() for r in offered.values())
            + "."
        )
    if arrival_date and departure_date and departure_date < arrival_date:
        raise ResidencyError("La date de départ doit suivre la date d’arrivée.")
    if not (motivation or "").strip():
        raise ResidencyError("Dites-nous en quelques mots pourquoi vous souhaitez venir.")

    contact = people.find_or_create(email=email, name=name, pronouns=pronouns.strip()[:50])
    existing = Application.objects.filter(call=call, contact=contact).first()
    if existing is not None:
        outbox.send(
            "residencies/already",
            to=contact,
            context={"application": existing, "call": call, "residency": call.residency},
            reply_to=call.team_email or identity.team_email(),
        )
        return existing, False  # nothing else: the page answers as for a new application

    clean_diversity = {}
    if diversity_consent:
        for key, value in (diversity or {}).items():
            choices = dict(DIVERSITY_QUESTIONS.get(key, ("", []))[1])
            if value in choices:
                clean_diversity[key] = value

    fields = {
        "name": name.strip(),
        "pronouns": pronouns.strip(),
        "experience": experience.strip(),
        "links": links.strip(),
        "motivation": motivation.strip(),
        "availability": availability.strip(),
        "arrival_date": arrival_date,
        "departure_date": departure_date,
        "accessibility_needs": accessibility_needs.strip(),
        "diet": diet or Diet.OMNIVORE,
        "dietary_notes": dietary_notes.strip(),
        "diversity_consent": bool(diversity_consent),
        "diversity": clean_diversity,
    }
    application = Application.objects.create(call=call, contact=contact, **fields)
    application.roles.set([offered[code] for code in wanted])

    if diversity_consent:
        people.record_consent(
            contact,
            "diversity",
            source=source or f"candidature résidence #{call.pk}",
            wording=DIVERSITY_WORDING,
            wording_version=DIVERSITY_WORDING_VERSION,
        )
    context = {
        "application": application,
        "call": call,
        "residency": call.residency,
        "roles": [offered[code].get_role_display() for code in wanted],
    }
    team = call.team_email or identity.team_email()
    outbox.send("residencies/acknowledgement", to=contact, context=context, reply_to=team)
    outbox.send("residencies/team_notification", to=team, context=context)
    return application, True


# --- Collective selection ---------------------------------------------------------------------


def has_given_opinion(application: Application, user) -> bool:
    return Opinion.objects.filter(application=application, reviewer=user).exists()


def visible_opinions(application: Application, user) -> list[Opinion]:
    """The opinions `user` may read: none of the others' until they have given their own."""
    opinions = list(application.opinions.select_related("reviewer"))
    if any(o.reviewer_id == user.pk for o in opinions):
        return opinions
    return []


@transaction.atomic
def give_opinion(
    application: Application, reviewer, verdict: str, comment: str = "", *, replace: bool = False
) -> Opinion:
    """Record one reviewer's opinion; a second one is refused unless it explicitly replaces."""
    if verdict not in Opinion.Verdict.values:
        raise ResidencyError("Choisissez « oui », « peut-être » ou « non ».")
    if verdict == Opinion.Verdict.NO and not comment.strip():
        raise ResidencyError("Un « non » s’accompagne d’un commentaire : il aide la discussion.")
    if application.anonymised_at:
        raise ResidencyError("Cette candidature a été anonymisée : elle ne peut plus être relue.")
    existing = (
        Opinion.objects.select_for_update()
        .filter(application=application, reviewer=reviewer)
        .first()
    )
    if existing is not None and not replace:
        raise ResidencyError(
            "Vous avez déjà donné votre avis sur cette candidature "
            f"(« {existing.get_verdict_display().lower()} ») ; il est conservé. "
            "Utilisez « Modifier mon avis » pour le changer."
        )
    if existing is not None:
        existing.verdict, existing.comment = verdict, comment.strip()
        existing.save()
        return existing
    return Opinion.objects.create(
        application=application, reviewer=reviewer, verdict=verdict, comment=comment.strip()
    )


DECISION_TEMPLATES = {
    Application.Status.ACCEPTED: "residencies/decision_accepted",
    Application.Status.WAITLIST: "residencies/decision_waitlist",
    Application.Status.DECLINED: "residencies/decision_declined",
}


@transaction.atomic
def decide(application: Application, status: str, *, by=None, message: str = "") -> Application:
    """Record the team's decision and tell the person, kindly, by mail."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if status not in DECISION_TEMPLATES:
        raise ResidencyError("Décision inconnue : retenue, liste d’attente ou non retenue.")
    if application.anonymised_at or application.contact_id is None:
        raise ResidencyError("Cette candidature a été anonymisée : personne à prévenir.")
    if application.status == status:
        raise ResidencyError(
            f"Cette candidature est déjà « {application.get_status_display().lower()} » ; "
            "aucun nouveau message n’a été envoyé."
        )
    if application.status == Application.Status.ACCEPTED and application.crew_positions.exists():
        raise ResidencyError(
            "Cette personne fait partie d’une équipe : retirez-la d’abord de l’équipe."
        )
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = by if getattr(by, "pk", None) else None
    application.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    outbox.send(
        DECISION_TEMPLATES[status],
        to=application.contact,
        context={
            "application": application,
            "call": application.call,
            "residency": application.call.residency,
            "message": message.strip(),
        },
        reply_to=identity.team_email(),
    )
    return application


def roster(residency: ResidencyPage):
    """The accepted people of every call of the residency: the people crews are made from."""
    return (
        Application.objects.accepted()
        .filter(call__residency=residency)
        .select_related("contact")
        .prefetch_related("roles")
        .order_by("name")
    )


# --- Crews ------------------------------------------------------------------------------------


@transaction.atomic
def add_to_crew(
    crew: Crew, application: Application, position: str, *, counts_as_woman: str = ""
) -> CrewMember:
    """Put a person of the roster on a post of a crew."""
    from .models import POSITION_LABELS

    if position not in POSITION_LABELS:
        raise ResidencyError("Ce poste n’existe pas dans la liste des postes d’une équipe.")
    application = Application.objects.select_related("call").get(pk=application.pk)
    if application.call.residency_id != crew.residency_id:
        raise ResidencyError("Cette personne a candidaté à une autre résidence.")
    if application.status != Application.Status.ACCEPTED:
        raise ResidencyError("Seules les personnes retenues peuvent rejoindre une équipe.")
    if counts_as_woman not in CrewMember.ParityAnswer.values:
        raise ResidencyError("Réponse inconnue pour la grille de parité.")
    member, created = CrewMember.objects.get_or_create(
        crew=crew,
        application=application,
        position=position,
        defaults={"counts_as_woman": counts_as_woman},
    )
    if not created:
        raise ResidencyError(
            f"{application.name} tient déjà le poste « {POSITION_LABELS[position].lower()} » "
            "dans cette équipe."
        )
    return member


def remove_from_crew(member: CrewMember) -> None:
    member.delete()


# --- Logistics --------------------------------------------------------------------------------


def logistics(residency: ResidencyPage) -> dict:
    """What the team and the cook need: diets, allergies, access needs, who is here when."""
    people = list(roster(residency))
    diets = Counter(a.get_diet_display() for a in people)
    return {
        "people": people,
        "count": len(people),
        "diets": sorted(diets.items(), key=lambda item: (-item[1], item[0])),
        "dietary_notes": [(a.name, a.dietary_notes) for a in people if a.dietary_notes],
        "accessibility": [(a.name, a.accessibility_needs) for a in people if a.accessibility_needs],
        "arrivals": _by_day(people, "arrival_date"),
        "departures": _by_day(people, "departure_date"),
        "dates_missing": [a.name for a in people if not (a.arrival_date and a.departure_date)],
    }


def _by_day(people, field: str) -> list[tuple[date, list[str]]]:
    days: dict[date, list[str]] = {}
    for person in people:
        day = getattr(person, field)
        if day:
            days.setdefault(day, []).append(person.name)
    return sorted(days.items())


def logistics_csv(residency: ResidencyPage) -> str:
    """Who comes when, eats what and needs what, for the hosts (core/exports.py writes it)."""
    header = [
        "Nom",
        "Pronoms",
        "Rôles",
        "Arrivée",
        "Départ",
        "Régime",
        "Allergies et précisions",
        "Accessibilité",
    ]
    rows = (
        [
            a.name,
            a.pronouns,
            ", ".join(a.role_labels),
            a.arrival_date,
            a.departure_date,
            a.get_diet_display(),
            a.dietary_notes,
            a.accessibility_needs,
        ]
        for a in logistics(residency)["people"]
    )
    return exports.csv_text(header, rows)


# --- Diversity ------------------------------------------------------------------------------


def diversity_summary(applications) -> dict:
    """Aggregated self-descriptions under the project's one privacy rule (core.aggregation).

    Returns `{"shown": bool, "respondents": n, "questions": [(label, rows)]}` where each row is
    `(answer label, count or None)`; `None` means the figure could tell someone's answer.
    """
    answers = [a.diversity for a in applications if a.diversity_consent and a.diversity]
    respondents = len(answers)
    minimum = aggregation.min_group_size()
    if respondents < minimum:
        return {"shown": False, "respondents": None, "questions": []}
    questions = []
    for key, (label, choices) in DIVERSITY_QUESTIONS.items():
        counts = Counter(a.get(key) for a in answers if a.get(key))
        shown = aggregation.breakdown([counts.get(code, 0) for code, _ in choices])
        answered = sum(counts.values())
        questions.append(
            {
                "label": label,
                "rows": [(choice, n) for (_, choice), n in zip(choices, shown, strict=True)],
                "answered": answered if answered >= minimum else None,
            }
        )
    return {"shown": True, "respondents": respondents, "questions": questions}
