"""The sign-up form where pages show it, built by the public-form pipeline's view.

Tags rather than the page's context, so the page model never imports its form or view. Topics
come from a cache: on a warm page the form costs no query.
"""

from django import template
from django.db import DatabaseError

from raccord.newsletter.services import FREQUENCY
from raccord.newsletter.views import SignupView

register = template.Library()


def _source(context) -> str:
    request = context.get("request")
    return request.path if request is not None else "/"


@register.inclusion_tag("newsletter/_signup_form.html", takes_context=True)
def newsletter_signup_form(context):
    """The form of the `/infolettre/` page."""
    return {
        "form": SignupView.blank_form(source=_source(context)),
        "request": context.get("request"),
    }


@register.inclusion_tag("newsletter/_footer_form.html", takes_context=True)
def newsletter_footer_form(context):
    """The footer's form: a shared fragment per path (components/footer.html)."""
    try:
        form = SignupView.blank_form(source=_source(context), auto_id="id_footer_%s")
    except DatabaseError:  # an error page while the database is down still renders
        return {"form": None, "request": context.get("request"), "hidden": True}
    return {
        "form": form,
        "request": context.get("request"),
        "hidden": context.get("hide_footer_signup", False),
        "frequency": FREQUENCY,
    }
