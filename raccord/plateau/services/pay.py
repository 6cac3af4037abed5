"""Pay transparency and parity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from raccord.core import aggregation

from ..models import CrewMember, PayGrid


def pay_table(production, on: date | None = None) -> dict:
    """Each position's agreed pay next to the minimum in force; flags what falls below."""
    on = on or production.first_shooting_day or timezone.localdate()
    grid = PayGrid.in_force(on)
    rates = {r.code: r for r in grid.rates.all()} if grid else {}
    rows = []
    for line in production.pay_lines.all():
        rate = rates.get(line.grid_code)
        minimum = None
        if rate is not None:
            basis = grid.basis_hours or 39
            minimum = (rate.weekly_minimum * line.weekly_hours / basis).quantize(Decimal("0.01"))
        rows.append(
            {
                "line": line,
                "rate": rate,
                "minimum": minimum,
                "below": minimum is not None and line.agreed_weekly_pay < minimum,
                "gap": (minimum - line.agreed_weekly_pay) if minimum is not None else None,
            }
        )
    return {"grid": grid, "on": on, "rows": rows, "below": sum(1 for r in rows if r["below"])}


def pay_summary(production, on: date | None = None) -> dict:
    """What the crew reads about pay: the grid's minimums and one aggregated total.

    Each position is in practice one named person, so agreed pay is never shown per position
    on members' pages (the team reads the detail in the admin); how many positions fall below
    the minimum follows the project's aggregation rule (`core/aggregation.py`).
    """
    table = pay_table(production, on)
    compared = [row for row in table["rows"] if row["minimum"] is not None]
    below = sum(1 for row in compared if row["below"])
    minimums = sorted(
        {(row["rate"].position, row["rate"].weekly_minimum) for row in compared},
        key=lambda pair: pair[0],
    )
    return {
        "grid": table["grid"],
        "on": table["on"],
        "positions": len(table["rows"]),
        "compared": len(compared),
        "below": aggregation.total(below, len(compared)),
        "minimums": minimums,
        "min_group": aggregation.min_group_size(),
    }


@transaction.atomic
def declare_parity(member, counts_as_woman: bool | None) -> CrewMember:
    """The person's own answer for the parity grid; None withdraws it."""
    member.counts_as_woman = counts_as_woman
    member.save(update_fields=["counts_as_woman"])
    return member


def parity_panel(production):
    """The crew's score on the parity grid shared with the residencies app."""
    from raccord.residencies import parity
    from raccord.residencies.models import ParityGrid

    grid = production.parity_grid
    if grid is None:
        documentary = production.kind == production.Kind.DOCUMENTARY
        grid = ParityGrid.default(
            ParityGrid.Kind.DOCUMENTARY if documentary else ParityGrid.Kind.FICTION
        )
    spec = parity.as_spec(grid) if grid is not None else parity.default_spec()
    assignments = [
        (m.parity_post, m.counts_as_woman)
        for m in production.members.current().exclude(parity_post="")
    ]
    return {"grid": grid, "result": parity.score(spec, assignments)}


def parity_summary(production) -> dict:
    """What the crew reads about parity: totals over the grid's posts, never post by post.

    Post by post, with the crew page naming who holds each post, every member could read each
    colleague's answer; so members see how many of the people on grid posts count as women,
    and how many did not answer, each shown only under the aggregation rule. The detailed
    score is for the team, in the admin.
    """
    panel = parity_panel(production)
    lines = panel["result"].lines
    group = sum(line.holders for line in lines)
    women = sum(line.women for line in lines)
    undeclared = sum(line.undeclared for line in lines)
    return {
        "grid": panel["grid"],
        "group": group,
        "women": aggregation.total(women, group),
        "undeclared": aggregation.total(undeclared, group),
        "min_group": aggregation.min_group_size(),
    }
