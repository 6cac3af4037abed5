"""Privacy by aggregation: one rule for every figure about people that others read.

A count of people who gave some private answer (counts as a woman, paid below the minimum,
one diversity answer…) is shown only when it cannot be traced back to a person:

- the group it is counted over has at least `min_group_size()` people (setting
  `RACCORD_MIN_GROUP_SIZE`, 5 by default);
- the count is neither 0 nor the whole group: "none of the 6" or "all 6" tells each member's
  answer as surely as a list of names;
- in a breakdown (several answers to one question), any cell of 1 to min-1 people is hidden,
  and when only one cell is hidden the next smallest goes too, so it cannot be found by
  subtraction.

Plateau's parity and pay pages use it; the residencies' diversity statistics follow the same
rule. Hidden figures are `None`: templates say « moins de 5 » or « non communiqué ».
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings

DEFAULT_MIN_GROUP_SIZE = 5


def min_group_size() -> int:
    return int(getattr(settings, "RACCORD_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP_SIZE))


def total(count: int, group: int, *, minimum: int | None = None) -> int | None:
    """`count` people of `group`, or None when showing it would tell individual answers."""
    minimum = min_group_size() if minimum is None else minimum
    if group < minimum or count <= 0 or count >= group:
        return None
    return count


def breakdown(counts: Sequence[int], *, minimum: int | None = None) -> list[int | None]:
    """The counts of one question's answers, with the cells that would identify people hidden.

    The group is the sum of the counts: below the minimum, nothing is shown; a cell holding the
    whole group is hidden (everyone gave that answer), like any cell of 1 to minimum-1.
    """
    minimum = min_group_size() if minimum is None else minimum
    group = sum(counts)
    if group < minimum or group in counts:
        return [None] * len(counts)
    shown: list[int | None] = list(counts)
    hidden = [i for i, n in enumerate(counts) if 0 < n < minimum]
    if len(hidden) == 1:
        others = sorted((n, i) for i, n in enumerate(counts) if i not in hidden and n > 0)
        if others:
            hidden.append(others[0][1])
    for i in hidden:
        shown[i] = None
    return shown
