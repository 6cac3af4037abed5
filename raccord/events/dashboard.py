"""What events puts on the admin home: the next soirées and how full they are."""

from django.urls import reverse

from raccord.core.dashboard import DashboardPanel

from .models import EventPage


def next_soirees(limit: int = 3) -> list[dict]:
    """Upcoming soirées with the seats taken and the fill rate (none without a capacity)."""
    events = list(EventPage.objects.upcoming()[:limit])
    remaining = EventPage.remaining_seats_for(events)
    rows = []
    for event in events:
        capacity, left = event.capacity, remaining.get(event.pk)
        taken = capacity - left if capacity is not None and left is not None else None
        if taken is None:
            taken = event.confirmed_seats()
        rows.append(
            {
                "event": event,
                "start": event.start,
                "capacity": capacity,
                "taken": taken,
                "rate": round(100 * taken / capacity) if capacity else None,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
            }
        )
    return rows


class NextSoireesPanel(DashboardPanel):
    name = "raccord_next_soirees"
    template_name = "events/admin/panels/next_soirees.html"

    def get_panel_context(self) -> dict:
        return {"soirees": next_soirees()}
