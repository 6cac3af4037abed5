"""One crew: a residency crew opens its Plateau production with the same people.

Nobody types a crew twice. The residency's crew (residencies.Crew and its members) stays the
reference for who is in it; the production keeps an explicit link to it (`residency_crew`) and
each person becomes one Plateau membership, invited by mail as any invitation is. Running the
action again creates nothing twice: it only invites the people added to the residency crew
since, and leaves alone what the crew changed in Plateau (roles, referents, revocations).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from ..models import CrewMember, Production
from .common import _log
from .membership import send_invitation

# Posts of a residency crew that are also Plateau roles; any other post is a crew member.
ROLES_BY_POSITION = {
    "facilitation": CrewMember.Role.FACILITATION,
    "coordination": CrewMember.Role.COORDINATION,
}


@dataclass
class CrewOpening:
    """What `open_production_for_crew` did, for the message the volunteer reads."""

    production: Production
    created: bool
    invited: list[CrewMember] = field(default_factory=list)
    not_invited: list[str] = field(default_factory=list)  # no address left (anonymised, erased)

    def summary(self) -> str:
        title = self.production.title
        count = len(self.invited)
        invitations = (
            f"{count} invitation{'s' if count > 1 else ''} envoyée{'s' if count > 1 else ''}"
        )
        if self.created:
            text = f"Espace Plateau ouvert pour « {title} » : {invitations}."
        elif count:
            text = f"Équipe de « {title} » mise à jour : {invitations} aux nouvelles personnes."
        else:
            text = f"L’équipe de « {title} » est déjà à jour : personne de nouveau à inviter."
        if self.not_invited:
            text += " Sans adresse, donc pas invitée(s) : " + ", ".join(self.not_invited) + "."
        return text


def _free_slug(title: str) -> str:
    base = slugify(title)[:70] or "tournage"
    slug, n = base, 2
    while Production.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _people(crew) -> list[tuple]:
    """(application, [residency crew rows]) per person, posts in the order of the post list."""
    from raccord.residencies.models import POSITION_CHOICES

    order = {code: i for i, (code, _label) in enumerate(POSITION_CHOICES)}
    rows = sorted(
        crew.members.select_related("application__contact"),
        key=lambda row: (row.application.name, order.get(row.position, len(order))),
    )
    people: dict[int, tuple] = {}
    for row in rows:
        people.setdefault(row.application_id, (row.application, []))[1].append(row)
    return list(people.values())


def _membership(rows, grid_codes: set[str]) -> dict:
    """Role, post, parity post and parity answer of one person, from their residency posts.

    Plateau scores one post per person: the first of theirs the grid counts.
    """
    role = next(
        (ROLES_BY_POSITION[r.position] for r in rows if r.position in ROLES_BY_POSITION),
        CrewMember.Role.MEMBER,
    )
    scored = next((r for r in rows if r.position in grid_codes), None)
    return {
        "role": role,
        "position": ", ".join(r.get_position_display() for r in rows)[:120],
        "parity_post": scored.position if scored else "",
        "counts_as_woman": scored.is_woman if scored else None,
    }


def people_to_invite(production) -> list[str]:
    """Names of the residency crew's people who have no membership yet on this production."""
    if production.residency_crew_id is None:
        return []
    known = set(production.members.values_list("contact_id", flat=True))
    return [
        application.name
        for application, _rows in _people(production.residency_crew)
        if _invitable(application.contact) and application.contact_id not in known
    ]


def _invitable(contact) -> bool:
    return contact is not None and not contact.erased_at and bool(contact.email)


@transaction.atomic
def open_production_for_crew(crew) -> CrewOpening:
    """Open (or bring up to date) the Plateau production of a residency crew; invite its people."""
    from raccord.residencies import parity
    from raccord.residencies.models import Crew

    # One volunteer at a time per crew: a double click must not open two productions.
    crew = Crew.objects.select_for_update().select_related("residency").get(pk=crew.pk)
    production = Production.objects.filter(residency_crew=crew).first()
    created = production is None
    if created:
        residency = crew.residency
        production = Production.objects.create(
            title=crew.film_title,
            slug=_free_slug(crew.film_title),
            kind=Production.Kind.SHORT,
            context=f"Résidence « {residency.title} »"[:200],
            location=", ".join(p for p in (residency.place, residency.region) if p)[:200],
            first_shooting_day=residency.start_date,
            last_shooting_day=residency.end_date,
            parity_grid=crew.parity_grid,
            residency_crew=crew,
        )
        _log(production, f"Espace ouvert pour l’équipe de la résidence « {residency.title} ».")
    grid = crew.grid()
    grid_codes = set(parity.as_spec(grid).posts if grid else parity.default_spec().posts)
    known = set(production.members.values_list("contact_id", flat=True))
    opening = CrewOpening(production, created)
    for application, rows in _people(crew):
        contact = application.contact
        if contact is not None and contact.pk in known:
            continue  # already there: what the crew changed in Plateau stays
        if not _invitable(contact):
            opening.not_invited.append(application.name or "candidature anonymisée")
            continue
        member = CrewMember.objects.create(
            production=production, contact=contact, **_membership(rows, grid_codes)
        )
        send_invitation(member)
        opening.invited.append(member)
    return opening
