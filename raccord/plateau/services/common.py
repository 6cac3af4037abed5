"""What every Plateau operation shares: the one error type, absolute links and the log."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from ..models import LogEntry


class PlateauError(Exception):
    """Raised with a French sentence the crew member reads as is."""


def _url(name: str, *args) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + reverse(name, args=args)


def _log(production, title: str, text: str = "", proposal=None) -> LogEntry:
    return LogEntry.objects.create(production=production, title=title, text=text, proposal=proposal)
