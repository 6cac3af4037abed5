from django import template
from django.db import DatabaseError

register = template.Library()


@register.inclusion_tag("newsletter/_footer_form.html", takes_context=True)
def newsletter_footer_form(context):
    """The footer's sign-up form: topics come from the cache, so no query on a warm page."""
    from raccord.newsletter.forms import SignupForm

    request = context.get("request")
    source = request.path if request is not None else "/"
    try:
        form = SignupForm(prefix="footer", source=source)
    except DatabaseError:  # an error page while the database is down still renders
        return {"form": None, "request": request, "hidden": True}
    return {
        "form": form,
        "request": request,
        "hidden": context.get("hide_footer_signup", False),
    }
