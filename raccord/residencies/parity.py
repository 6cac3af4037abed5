"""Parity score of a crew against a points grid (by default the CNC fiction grid).

The grid is data (`ParityGrid` and its `ParityPost` rows, editable in the admin) because the
official grid must be checked against the CNC regulation in force (RGA art. 211-86-1); this
module only computes. It is pure: no database access once the grid's posts are loaded.

API
---
``score(grid, assignments) -> ParityResult``

* ``grid``: a ``ParityGrid`` instance (its posts are read once) or a ``GridSpec``
  (``GridSpec(threshold=5, posts={"directing": ("Réalisation", 2), ...})``).
* ``assignments``: an iterable of ``(position_code, is_woman)`` pairs, one per person on a post.
  ``is_woman`` is ``True``, ``False`` or ``None`` (not declared: never counted, reported as such).
  Codes absent from the grid are ignored (a cook scores nothing).

Rules: a post held by one woman earns its points; a post held by several people earns its points
in proportion to the women among them (two co-directors, one woman: 1 of 2 points); an empty
post earns nothing.

``ParityResult`` has ``score`` (float, rounded to 2 decimals), ``threshold``, ``reached`` (score
≥ threshold), ``max_score`` (sum of the grid), ``lines`` (one ``PostLine`` per grid post, in
grid order: code, label, points, earned, holders, women, undeclared, status) and ``changes``:
the posts that would change the score, each a ``PostLine`` whose ``status`` says why:
``"vacant"`` (nobody on the post yet), ``"not_woman"`` (points to gain), ``"undeclared"`` (the
holder's answer would decide), ``"counted"`` lines are not in ``changes``. ``missing`` is how
many points are still needed to reach the threshold (0 when reached).

``DEFAULT_FICTION_GRID`` and ``DEFAULT_FICTION_SOURCE`` describe the grid loaded by the data
migration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

DEFAULT_FICTION_SOURCE = (
    "Grille du bonus parité du CNC pour la fiction (RGA art. 211-86-1), telle que rapportée en "
    "2024 : seuil de 5 points. À vérifier avec le règlement général des aides du CNC en vigueur "
    "avant de s’y fier."
)

# (code, label, points), in the order the CNC lists the posts.
DEFAULT_FICTION_GRID: list[tuple[str, str, int]] = [
    ("directing", "Réalisation", 2),
    ("producer_representative", "Représentant·e légal·e de la production", 1),
    ("screenwriting", "Scénario", 1),
    ("production_management", "Direction de production", 1),
    ("cinematography", "Direction de la photographie", 1),
    ("sound", "Ingénieur·e du son", 1),
    ("costume_design", "Création des costumes", 1),
    ("production_design", "Création des décors", 1),
    ("editing", "Montage", 1),
]
DEFAULT_FICTION_THRESHOLD = 5


@dataclass(frozen=True)
class GridSpec:
    threshold: float
    posts: dict[str, tuple[str, float]]  # code -> (label, points), in display order


@dataclass
class PostLine:
    code: str
    label: str
    points: float
    earned: float = 0.0
    holders: int = 0
    women: int = 0
    undeclared: int = 0
    status: str = "vacant"

    @property
    def gain(self) -> float:
        """Points this post could still add."""
        return round(self.points - self.earned, 2)


@dataclass
class ParityResult:
    score: float
    threshold: float
    max_score: float
    lines: list[PostLine] = field(default_factory=list)

    @property
    def reached(self) -> bool:
        return self.score >= self.threshold

    @property
    def missing(self) -> float:
        return max(0.0, round(self.threshold - self.score, 2))

    @property
    def changes(self) -> list[PostLine]:
        return [line for line in self.lines if line.status != "counted"]

    @property
    def percent(self) -> int:
        """Score as a share of the threshold, capped at 100, for a progress bar."""
        if not self.threshold:
            return 100
        return min(100, round(100 * self.score / self.threshold))


def as_spec(grid) -> GridSpec:
    if isinstance(grid, GridSpec):
        return grid
    posts = {p.code: (p.label, float(p.points)) for p in grid.posts.all()}
    return GridSpec(threshold=float(grid.threshold), posts=posts)


def default_spec() -> GridSpec:
    return GridSpec(
        threshold=DEFAULT_FICTION_THRESHOLD,
        posts={code: (label, points) for code, label, points in DEFAULT_FICTION_GRID},
    )


def ensure_default_grid(grid_model=None, post_model=None):
    """Create the CNC fiction grid if no fiction grid exists; used by the migration and demo."""
    import datetime

    if grid_model is None:
        from .models import ParityGrid as grid_model
        from .models import ParityPost as post_model
    existing = grid_model.objects.filter(kind="fiction").first()
    if existing is not None:
        return existing
    grid = grid_model.objects.create(
        name="Bonus parité CNC — fiction",
        kind="fiction",
        threshold=DEFAULT_FICTION_THRESHOLD,
        source_note=DEFAULT_FICTION_SOURCE,
        effective_date=datetime.date(2019, 1, 1),
        is_default=True,
    )
    for order, (code, label, points) in enumerate(DEFAULT_FICTION_GRID):
        post_model.objects.create(
            grid=grid, code=code, label=label, points=points, sort_order=order
        )
    return grid


def score(grid, assignments: Iterable[tuple[str, bool | None]]) -> ParityResult:
    """Score `assignments` against `grid`; see the module docstring for the rules."""
    spec = as_spec(grid)
    lines = {
        code: PostLine(code=code, label=label, points=points)
        for code, (label, points) in spec.posts.items()
    }
    for code, is_woman in assignments:
        line = lines.get(code)
        if line is None:
            continue
        line.holders += 1
        if is_woman is True:
            line.women += 1
        elif is_woman is None:
            line.undeclared += 1
    for line in lines.values():
        if line.holders:
            line.earned = round(line.points * line.women / line.holders, 2)
        if not line.holders:
            line.status = "vacant"
        elif line.women == line.holders:
            line.status = "counted"
        elif line.undeclared:
            line.status = "undeclared"
        else:
            line.status = "not_woman"
    total = round(sum(line.earned for line in lines.values()), 2)
    max_score = round(sum(line.points for line in lines.values()), 2)
    return ParityResult(
        score=total, threshold=spec.threshold, max_score=max_score, lines=list(lines.values())
    )
