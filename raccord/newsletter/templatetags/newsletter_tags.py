from django import template

register = template.Library()


@register.inclusion_tag("newsletter/_footer_form.html", takes_context=True)
def newsletter_footer_form(context):
    """The footer's sign-up form: topics come from the cache, so no query on a warm page."""
    from raccord.newsletter.forms import SignupForm

    request = context.get("request")
    source = request.path if request is not None else "/"
    return {
        "form": SignupForm(prefix="footer", source=source),
        "request": request,
        "hidden": context.get("hide_footer_signup", False),
    }
