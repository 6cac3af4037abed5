"""The hook other parts of Raccord listen to when an event's seat count changes.

`purge_event_pages` listens to it (connected in apps.py) to purge the event page, the index and
the agenda; `seats_changed(event)` is what the services call after commit.
"""

from django.dispatch import Signal

# Receivers get `sender=EventPage` and `event=<EventPage>`.
event_seats_changed = Signal()


def seats_changed(event) -> None:
    """Announce that the seats or the waitlist of `event` changed (called after commit)."""
    event_seats_changed.send(sender=type(event), event=event)


def venue_pages(venue) -> list:
    from .models import EventIndexPage, EventPage

    return [*EventIndexPage.objects.live(), *EventPage.objects.live().filter(venue=venue)]


def venue_paths(venue) -> list[str]:
    from django.urls import reverse

    from .models import EventPage

    events = EventPage.objects.filter(venue=venue).values_list("pk", flat=True)
    paths = ["/soirees/agenda.ics", "/api/v1/soirees/"]
    return paths + [reverse("events:event_ics", args=[pk]) for pk in events]


def purge_event_pages(event=None, **kwargs) -> None:
    """Seats changed: the event page, the index, the agenda, the API and the home show them."""
    from django.urls import reverse

    from raccord.core.page_cache import purge_paths

    if event is None:
        return
    paths = ["/soirees/", "/soirees/agenda.ics", "/api/v1/soirees/", "/"]
    paths += [reverse(name, args=[event.pk]) for name in ("events:places", "events:event_ics")]
    url = event.get_url_parts()
    if url:
        paths.append(url[2])
    purge_paths(*paths)
