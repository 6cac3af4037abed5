"""The registration form on a soirée's page, built by the public-form pipeline's view.

A tag rather than the page's context, so the page model never imports its form or view.
"""

from django import template

from raccord.events.services import REGISTRATION_WORDING
from raccord.events.views import RegisterView

register = template.Library()


@register.inclusion_tag("events/registration_block.html", takes_context=True)
def registration_form(context, event, state):
    # The page's context already counted the seats left; only count again elsewhere.
    remaining = context["remaining"] if "remaining" in context else event.remaining_seats()
    return {
        "request": context.get("request"),
        "event": event,
        "state": state,
        "form": RegisterView.blank_form(event=event) if state == "open" else None,
        "registration_wording": REGISTRATION_WORDING,
        "full": state == "open" and remaining == 0,
    }
