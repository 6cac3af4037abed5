"""Who is asking: crew members are Contacts with a session, not Django users.

Every private view runs through `member_required`, which reloads the membership on each request
so that a revoked member loses access at once.
"""

from functools import wraps

from django.shortcuts import redirect, render

from .models import CrewMember
from .services import SESSION_KEY, SESSION_VERSION_KEY


def private(view):
    """Workspace pages are personal: never cached by anyone, never indexed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def open_session(request, member) -> None:
    """A fresh session key at login: a session id planted before login is worth nothing after."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = member.pk
    request.session[SESSION_VERSION_KEY] = member.access_version


def close_session(request) -> None:
    if request.session.session_key is None:
        return  # nothing was open: cycling the key would store a session just to close it
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SESSION_VERSION_KEY, None)
    request.session.cycle_key()


def current_member(request):
    """The active membership in this session, or None (also when it was revoked meanwhile).

    The session carries the membership's access version: once a revocation or a new
    invitation raised it, a session opened before is worth nothing, even for an active member.
    """
    if not hasattr(request, "session"):
        return None
    member_id = request.session.get(SESSION_KEY)
    if not member_id:
        return None
    return (
        CrewMember.objects.select_related("production", "contact")
        .filter(
            pk=member_id,
            status=CrewMember.Status.ACTIVE,
            production__archived=False,
            access_version=request.session.get(SESSION_VERSION_KEY, -1),
        )
        .first()
    )


def member_required(view=None, *, facilitation=False, coordination=False):
    """Let in active members only; `facilitation`/`coordination` narrow it to those roles."""

    def decorator(view):
        @wraps(view)
        @private
        def wrapped(request, *args, **kwargs):
            had_session = bool(request.session.get(SESSION_KEY))
            member = current_member(request)
            if member is None:
                if had_session:
                    request.session.pop(SESSION_KEY, None)
                    request.session.pop(SESSION_VERSION_KEY, None)
                    return render(request, "plateau/no_access.html", status=403)
                return redirect("plateau:login")
            if facilitation and not member.facilitates:
                return render(request, "plateau/forbidden.html", _base(member), status=403)
            if coordination and not member.coordinates:
                return render(request, "plateau/forbidden.html", _base(member), status=403)
            request.plateau_member = member
            return view(request, member, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator


def _base(member) -> dict:
    from .services import care_panel

    return {
        "member": member,
        "production": member.production,
        "care": care_panel(member.production),
    }
