"""What /diffusion/ shows: counts, cities, audience per year, and a timeline, all server-side."""

from __future__ import annotations

from collections import OrderedDict

from django.db.models import Prefetch

from .models import FilmPage, Showing

CHART_WIDTH = 320  # SVG user units available for the longest bar
BAR_HEIGHT = 28
BAR_GAP = 12
LABEL_WIDTH = 56


def diffusion_summary() -> dict:
    """One query for the showings, one for their films, whatever their number."""
    showings = list(
        Showing.objects.public()
        .order_by("date", "pk")
        .prefetch_related(
            Prefetch("films", queryset=FilmPage.objects.only("title", "url_path", "path", "depth"))
        )
    )
    cities: OrderedDict[str, int] = OrderedDict()
    per_year: OrderedDict[int, dict] = OrderedDict()
    for showing in showings:
        cities[showing.city] = cities.get(showing.city, 0) + 1
        year = per_year.setdefault(
            showing.date.year, {"year": showing.date.year, "audience": 0, "count": 0}
        )
        year["audience"] += showing.audience or 0
        year["count"] += 1
    # Bars count dates (always known); the audience, when the team recorded it, is the label.
    top = max((row["count"] for row in per_year.values()), default=0)
    bars = []
    for position, row in enumerate(per_year.values()):
        width = round(CHART_WIDTH * row["count"] / top) if top else 0
        y = position * (BAR_HEIGHT + BAR_GAP)
        bars.append(
            {
                **row,
                "x": LABEL_WIDTH,
                "y": y,
                "width": width,
                "text_y": f"{y + BAR_HEIGHT * 0.68:.1f}",
                "value_x": LABEL_WIDTH + width + 8,
            }
        )
    return {
        "showings": list(reversed(showings)),  # newest first on the timeline
        "screening_count": sum(1 for s in showings if s.with_screening),
        "exhibition_count": sum(1 for s in showings if s.with_exhibition),
        "audience_total": sum(s.audience or 0 for s in showings),
        "cities": sorted(cities.items(), key=lambda item: (-item[1], item[0])),
        "chart": {
            "bars": bars,
            "bar_height": BAR_HEIGHT,
            "width": LABEL_WIDTH + CHART_WIDTH + 180,
            "height": max(len(bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, BAR_HEIGHT),
        },
    }
