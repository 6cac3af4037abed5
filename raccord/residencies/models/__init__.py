"""Residencies: the page, its call for participants, applications, selection, crews, money.

The parity grid lives here too (`ParityGrid`, `ParityPost`) because the Plateau coopératif
reuses it; the computation is in `parity.py`.

One module per domain keeps each one readable; this package re-exports every public name, so
`from raccord.residencies.models import X` and "residencies.X" references keep working.
"""

# isort: off
# Definition order of the former single module, so the models register in the same order.
from .parity_grid import ParityGrid, ParityPost
from .pages import (
    ParticipantGroup,
    ResidencyIndexPage,
    ResidencyOutput,
    ResidencyPage,
    ResidencyPageQuerySet,
    donation_url,
    support_context,
)
from .calls import (
    DIVERSITY_QUESTIONS,
    ROLE_CHOICES,
    ROLE_LABELS,
    Application,
    ApplicationQuerySet,
    Call,
    CallQuerySet,
    CallRole,
    Diet,
    Opinion,
)
from .crews import POSITION_CHOICES, POSITION_LABELS, Crew, CrewMember
from .budget import BudgetLine, FundingSource

# isort: on

__all__ = [
    "DIVERSITY_QUESTIONS",
    "POSITION_CHOICES",
    "POSITION_LABELS",
    "ROLE_CHOICES",
    "ROLE_LABELS",
    "Application",
    "ApplicationQuerySet",
    "BudgetLine",
    "Call",
    "CallQuerySet",
    "CallRole",
    "Crew",
    "CrewMember",
    "Diet",
    "FundingSource",
    "Opinion",
    "ParityGrid",
    "ParityPost",
    "ParticipantGroup",
    "ResidencyIndexPage",
    "ResidencyOutput",
    "ResidencyPage",
    "ResidencyPageQuerySet",
    "donation_url",
    "support_context",
]
