"""Domain operations of the Plateau coopératif: one verb, one transaction, one error type.

Views, admin views, management commands and tests all go through these functions; every one
of them takes the acting member and works inside that member's production only.

One module per domain keeps each one readable; this package re-exports the public API, so
`from raccord.plateau import services` then `services.invite(...)` keeps working. Patch a
function in the module that defines it (`services.membership.send_invitation`): the other
functions of that module look it up there, not on this package.
"""

from .call_sheets import save_call_sheet, set_call
from .carbon import CSV_HEADER, carbon_rows, carbon_totals, delete_carbon, log_carbon
from .care import (
    care_panel,
    message_referents,
    record_training,
    referent_messages,
    send_training_reminders,
)
from .common import PlateauError
from .decisions import (
    QuorumNotReached,
    answer,
    answers_visible,
    close,
    everyone_answered,
    nominate,
    nomination_tally,
    not_answered,
    propose,
    put_candidate,
    quorum,
    respond_as_candidate,
    share_nominations,
    shared_nominations,
)
from .membership import (
    INVITATION_MAX_AGE,
    INVITATION_PURPOSE,
    LOGIN_MAX_AGE,
    LOGIN_PURPOSE,
    SESSION_KEY,
    SESSION_VERSION_KEY,
    invitation_token,
    invite,
    join,
    log_in,
    login_token,
    member_for_invitation,
    member_for_login,
    request_login_link,
    revoke,
    send_invitation,
)
from .notices import choose_notices, notify, send_notice_digests
from .pay import declare_parity, parity_panel, parity_summary, pay_summary, pay_table
from .residency import CrewOpening, open_production_for_crew, people_to_invite
from .weather import (
    MIN_SCORES_FOR_AVERAGE,
    DayWeather,
    check_in,
    day_weather,
    trend_chart,
    weather_trend,
)

__all__ = [
    "parity_summary",
    "pay_summary",
    "send_notice_digests",
    "notify",
    "choose_notices",
    "shared_nominations",
    "share_nominations",
    "respond_as_candidate",
    "quorum",
    "not_answered",
    "QuorumNotReached",
    "CSV_HEADER",
    "CrewOpening",
    "INVITATION_MAX_AGE",
    "INVITATION_PURPOSE",
    "LOGIN_MAX_AGE",
    "LOGIN_PURPOSE",
    "MIN_SCORES_FOR_AVERAGE",
    "SESSION_KEY",
    "SESSION_VERSION_KEY",
    "DayWeather",
    "PlateauError",
    "answer",
    "answers_visible",
    "carbon_rows",
    "carbon_totals",
    "care_panel",
    "check_in",
    "close",
    "day_weather",
    "declare_parity",
    "delete_carbon",
    "everyone_answered",
    "invitation_token",
    "invite",
    "join",
    "log_carbon",
    "log_in",
    "login_token",
    "member_for_invitation",
    "member_for_login",
    "message_referents",
    "nominate",
    "open_production_for_crew",
    "nomination_tally",
    "parity_panel",
    "pay_table",
    "people_to_invite",
    "propose",
    "put_candidate",
    "record_training",
    "referent_messages",
    "request_login_link",
    "revoke",
    "save_call_sheet",
    "send_invitation",
    "send_training_reminders",
    "set_call",
    "trend_chart",
    "weather_trend",
]
