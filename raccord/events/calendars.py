"""iCalendar files: one event (mail attachments, downloads) and the agenda of upcoming ones.

Times carry the Europe/Paris TZID with its VTIMEZONE so every calendar shows the right hour.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from raccord.core import identity

PARIS = ZoneInfo("Europe/Paris")


def _absolute(path: str) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def _vevent(event) -> Event:
    vevent = Event()
    vevent.add("uid", f"soiree-{event.pk}@{urlsplit(settings.RACCORD_SITE_URL).hostname}")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start.astimezone(PARIS))
    vevent.add("dtend", event.end.astimezone(PARIS))
    vevent.add("summary", event.title)
    if event.intro:
        vevent.add("description", event.intro)
    venue = event.venue
    if venue is not None:
        vevent.add("location", ", ".join(p for p in (venue.name, venue.full_address) if p))
    url = event.get_url() if event.pk else ""
    if url:
        vevent.add("url", url if url.startswith("http") else _absolute(url))
    vevent.add("status", "CONFIRMED")
    return vevent


@lru_cache(maxsize=1)
def _paris_vtimezone() -> Timezone:
    """Europe/Paris transitions, built once per process (building it costs ~10 ms)."""
    return Timezone.from_tzid(
        "Europe/Paris", first_date=date(2000, 1, 1), last_date=date(2045, 1, 1)
    )


def _with_timezone(cal: Calendar) -> Calendar:
    cal.add_component(_paris_vtimezone())  # shared, never modified: only serialised
    return cal


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Raccord//Raccord//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    return cal


def event_ics(event, *, method: str = "PUBLISH") -> bytes:
    cal = _calendar(event.title)
    cal.add("method", method)
    _with_timezone(cal)
    cal.add_component(_vevent(event))
    return cal.to_ical()


def agenda_ics(events) -> bytes:
    cal = _with_timezone(_calendar(f"Soirées · {identity.for_site(None).label}"))
    for event in events:
        cal.add_component(_vevent(event))
    return cal.to_ical()


def attachment(event) -> tuple[str, bytes, str]:
    """The (filename, content, mimetype) the outbox attaches to confirmation mails."""
    return (f"{event.slug or 'soiree'}.ics", event_ics(event), "text/calendar; charset=utf-8")
