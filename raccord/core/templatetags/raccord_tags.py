from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context):
    """A CSRF field only for visitors with a session; anonymous pages stay cookie-free."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    from wagtail.models import Site

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        root = site.root_page
        items = list(
            root.get_children().live().in_menu().specific(defer=True).only("title", "url_path")
        )
    return {"items": items, "request": request, "current": context.get("page")}
