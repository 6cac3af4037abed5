"""Invitations, logins by mailed link, and revocation."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from raccord.core import outbox, signed_links

from ..models import CrewMember
from .common import PlateauError, _log, _url

INVITATION_PURPOSE = "plateau.invitation"
LOGIN_PURPOSE = "plateau.login"
INVITATION_MAX_AGE = timedelta(days=30)
LOGIN_MAX_AGE = timedelta(minutes=30)
SESSION_KEY = "plateau_member_id"
SESSION_VERSION_KEY = "plateau_access_version"


@transaction.atomic
def invite(production, *, email: str, name: str = "", role=CrewMember.Role.MEMBER, position=""):
    """Add a person to the crew (or re-invite them) and mail them a signed invitation link."""
    from raccord.people.services import find_or_create

    if not email or "@" not in email:
        raise PlateauError("Indiquez une adresse e-mail valide.")
    contact = find_or_create(email=email, name=name, fill_missing=True)  # the team types it
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
        member.access_version += 1  # sessions and links from before the revocation stay dead
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
    """Single use: the token carries the last login time, which a login changes, and the
    membership's access version, which a revocation or a new invitation raises."""
    stamp = member.last_login_at.isoformat() if member.last_login_at else ""
    return signed_links.make(
        LOGIN_PURPOSE, [member.pk, stamp, member.access_version], max_age=LOGIN_MAX_AGE
    )


def request_login_link(email: str) -> int:
    """Mail a short-lived login link for each active membership of this address; say nothing.

    An unknown address gets a mail too (saying no crew space uses it): the same queries, the
    same rendering and the same stored row either way, so the answer's timing tells nothing.
    The public-form pipeline's per-address limit keeps anyone from flooding a mailbox.
    """
    from raccord.people.models import normalize_email

    address = normalize_email(email)
    members = list(
        CrewMember.objects.active()
        .filter(contact__email=address, production__archived=False)
        .select_related("production", "contact")
    )
    links = [(m.production, _url("plateau:login_confirm", login_token(m))) for m in members]
    outbox.send(
        "plateau/login",
        to=members[0].contact if members else address,
        context={"links": links, "minutes": int(LOGIN_MAX_AGE.total_seconds() // 60)},
    )
    return len(members)


def member_for_login(token: str) -> CrewMember:
    try:
        pk, stamp, version = signed_links.read(LOGIN_PURPOSE, token)
    except (signed_links.BadLink, TypeError, ValueError) as error:
        raise PlateauError(str(error) if str(error) else "Ce lien n’est pas valide.") from error
    member = (
        CrewMember.objects.active()
        .select_related("production", "contact")
        .filter(pk=pk, production__archived=False)
        .first()
    )
    current = member.last_login_at.isoformat() if member and member.last_login_at else ""
    if member is None or current != stamp or member.access_version != version:
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
    member.access_version += 1
    member.save(update_fields=["status", "revoked_at", "access_version"])
    _log(member.production, f"L’accès de {member.display_name} à l’espace a été retiré.")
    return member
