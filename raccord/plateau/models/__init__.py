"""Plateau coopératif: a private workspace for one crew during one shoot.

Every row hangs off a `Production`; views and services always filter by the signed-in
member's production, so one crew never reads another's data.

One module per domain keeps each one readable; this package re-exports every model, so
`from raccord.plateau.models import X` and "plateau.X" references keep working.
"""

# isort: off
# Definition order of the former single module, so the models register in the same order.
from .crews import CrewMember, CrewMemberQuerySet, Production
from .care import ListeningService
from .weather import CheckIn
from .decisions import Answer, LogEntry, Nomination, Proposal, ProposalQuerySet
from .care import ReferentMessage
from .call_sheets import CallSheet, CallTime
from .carbon import CarbonEntry, EmissionFactor
from .pay import PayGrid, PayGridRate, PayLine

# isort: on

__all__ = [
    "Answer",
    "CallSheet",
    "CallTime",
    "CarbonEntry",
    "CheckIn",
    "CrewMember",
    "CrewMemberQuerySet",
    "EmissionFactor",
    "ListeningService",
    "LogEntry",
    "Nomination",
    "PayGrid",
    "PayGridRate",
    "PayLine",
    "Production",
    "Proposal",
    "ProposalQuerySet",
    "ReferentMessage",
]
