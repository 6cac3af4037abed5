"""The daily météo: each member's check-in and the aggregates the crew sees."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Avg, Count, Max, Min
from django.utils import timezone

from ..models import CheckIn
from .common import PlateauError

# Below this many scores a day's average would let people guess who said what.
MIN_SCORES_FOR_AVERAGE = 3


@transaction.atomic
def check_in(member, *, energy: int | None = None, words: str = "", signed: bool = False):
    """Record (or correct) today's météo of `member`: one per member per day."""
    words = (words or "").strip()
    if energy is None and not words:
        raise PlateauError("Donnez une énergie, un mot, ou les deux.")
    if energy is not None and not 1 <= int(energy) <= 10:
        raise PlateauError("L’énergie se note de 1 à 10.")
    if len(words) > 280:
        raise PlateauError("Quelques mots suffisent : 280 caractères au plus.")
    checkin, _ = CheckIn.objects.update_or_create(
        member=member,
        day=timezone.localdate(),
        defaults={
            "production": member.production,
            "energy": energy,
            "words": words,
            "signed": bool(signed),
        },
    )
    return checkin


@dataclass
class DayWeather:
    day: date
    count: int
    scored: int
    average: float | None
    words: list[dict] = field(default_factory=list)
    histogram: list[dict] = field(default_factory=list)


def day_weather(production, day: date | None = None) -> DayWeather:
    """The day's aggregate the whole crew sees: no names unless the person signed."""
    day = day or timezone.localdate()
    checkins = list(
        CheckIn.objects.filter(production=production, day=day).select_related("member__contact")
    )
    scores = [c.energy for c in checkins if c.energy is not None]
    average = round(sum(scores) / len(scores), 1) if len(scores) >= MIN_SCORES_FOR_AVERAGE else None
    counts = Counter(scores)
    words = [
        {"text": c.words, "by": c.member.display_name if c.signed else ""}
        for c in checkins
        if c.words
    ]
    random.SystemRandom().shuffle(words)  # the order of posting must not give people away
    histogram = []
    if len(scores) >= MIN_SCORES_FOR_AVERAGE:
        tallest = max(counts.values())
        for n in range(1, 11):
            height = round(80 * counts.get(n, 0) / tallest)
            histogram.append(
                {
                    "value": n,
                    "count": counts.get(n, 0),
                    "height": height,
                    "y": 90 - height,
                    "x": (n - 1) * 30 + 4,
                }
            )
    return DayWeather(day, len(checkins), len(scores), average, words, histogram)


def weather_trend(production) -> list[dict]:
    """Per day of the shoot: how many answered and the average energy. Never per person."""
    rows = (
        CheckIn.objects.filter(production=production)
        .values("day")
        .annotate(
            count=Count("id"),
            scored=Count("energy"),
            average=Avg("energy"),
            low=Min("energy"),
            high=Max("energy"),
        )
        .order_by("day")
    )
    trend = []
    for row in rows:
        enough = row["scored"] >= MIN_SCORES_FOR_AVERAGE
        trend.append(
            {
                "day": row["day"],
                "count": row["count"],
                "scored": row["scored"],
                "average": round(float(row["average"]), 1) if enough else None,
                "low": row["low"] if enough else None,
                "high": row["high"] if enough else None,
            }
        )
    return trend


def trend_chart(trend: list[dict], *, width: int = 640, height: int = 220) -> dict:
    """Coordinates for a server-side SVG line chart of the daily average energy (1 to 10)."""
    pad_left, pad_right, pad_top, pad_bottom = 36, 28, 12, 32
    inner_w, inner_h = width - pad_left - pad_right, height - pad_top - pad_bottom
    n = len(trend)
    step = inner_w / max(n - 1, 1)

    def y_for(value: float) -> str:
        # Strings, not floats: the French locale would print "12,5" in SVG attributes.
        return f"{pad_top + inner_h * (10 - value) / 9:.1f}"

    points = []
    for index, row in enumerate(trend):
        x = f"{pad_left + (step * index if n > 1 else inner_w / 2):.1f}"
        point = {"x": x, "row": row}
        if row["average"] is not None:
            point["y"] = y_for(row["average"])
            point["low_y"] = y_for(row["low"])
            point["high_y"] = y_for(row["high"])
        points.append(point)
    path = " ".join(
        f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}"
        for i, p in enumerate(p for p in points if "y" in p)
    )
    return {
        "width": width,
        "height": height,
        "points": points,
        "path": path,
        "grid": [{"value": v, "y": y_for(v)} for v in (1, 4, 7, 10)],
        "left": pad_left,
        "right": width - pad_right,
        "bottom": height - pad_bottom,
        "label_y": height - 10,
    }
