"""The hook other parts of Raccord listen to when an event's seat count changes.

The page cache (performance work) connects to `event_seats_changed` to purge the event page,
the index and the agenda; `seats_changed(event)` is what the services call after commit.
"""

from django.dispatch import Signal

# Receivers get `sender=EventPage` and `event=<EventPage>`.
event_seats_changed = Signal()


def seats_changed(event) -> None:
    """Announce that the seats or the waitlist of `event` changed (called after commit)."""
    event_seats_changed.send(sender=type(event), event=event)
