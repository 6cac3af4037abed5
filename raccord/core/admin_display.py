"""How the admin shows a stored value to a volunteer: « Oui/Non », Paris time, « — » when empty.

Wagtail's inspect view prints Python values (`False`, `None`, UTC datetimes with offsets);
`ReadableInspectView` is the inspect view every app's viewset can use instead.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.views.generic import InspectView

EMPTY = "—"


def readable(value) -> str:
    """A value as a French reader expects it: Oui/Non, « 9 mars 2025 à 18:00 » in Paris time."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, "j F Y à H:i")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    return value


class ReadableInspectView(InspectView):
    """Inspect view with readable values; `extra_fields()` may add (label, value) pairs."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return readable(value)
