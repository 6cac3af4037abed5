"""Plateau coopératif: a private workspace for one crew during one shoot.

Every row below hangs off a `Production`; views and services always filter by the signed-in
member's production, so one crew never reads another's data.
"""

from .care import CheckIn, ListeningService, ReferentMessage
from .crew import CrewMember, CrewMemberQuerySet, Production
from .decisions import Answer, LogEntry, Nomination, Notice, Proposal, ProposalQuerySet
from .logistics import (
    CallSheet,
    CallTime,
    CarbonEntry,
    EmissionFactor,
    PayGrid,
    PayGridRate,
    PayLine,
)

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
    "Notice",
    "PayGrid",
    "PayGridRate",
    "PayLine",
    "Production",
    "Proposal",
    "ProposalQuerySet",
    "ReferentMessage",
]
