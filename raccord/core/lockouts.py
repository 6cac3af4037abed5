"""Admin login lockouts (django-axes): who is locked out now, and lifting a lockout.

Axes counts failed logins by the pair client address + username (settings
`AXES_LOCKOUT_PARAMETERS`), the address coming from `protection.client_ip`, so a lockout only
ever stops one client trying one username. A team member with the permission
`axes.delete_accessattempt` lifts it from the admin (Paramètres → Connexions bloquées);
`manage.py axes_reset_username <username>` does the same from a shell.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

logger = logging.getLogger(__name__)

UNLOCK_PERMISSION = "axes.delete_accessattempt"


@dataclass(frozen=True)
class Lockout:
    username: str
    ip_address: str
    failures: int
    last_attempt: datetime
    until: datetime


def current_lockouts() -> list[Lockout]:
    """Every client address + username pair over the failure limit within the cool-off."""
    cool_off = get_cool_off()
    since = timezone.now() - cool_off
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [
        Lockout(
            username=row["username"] or "",
            ip_address=row["ip_address"] or "",
            failures=row["failures"],
            last_attempt=row["last_attempt"],
            until=row["last_attempt"] + cool_off,
        )
        for row in rows
    ]


def unlock(*, username: str, ip_address: str, by=None) -> int:
    """Forget the failures of this pair; returns how many attempt records were removed."""
    if not username or not ip_address:
        return 0  # axes would read a missing value as "everyone"
    removed = reset(ip=ip_address, username=username)
    logger.warning(
        "Admin login unlocked for %r from %s by %s (%d records)",
        username,
        ip_address,
        getattr(by, "get_username", lambda: "a script")(),
        removed,
    )
    return removed
