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
    """The home page's children shown in menus: two queries, whatever the page count."""
    from wagtail.models import Site

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        items = list(
            site.root_page.get_children()
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth", "content_type_id")
        )
    current = context.get("page")
    current_path = getattr(current, "url_path", None) or ""
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.url_path)
        # With the request, Wagtail reads the site root paths once per request, not per link.
        item.href = item.get_url(request)
    return {"items": items, "request": request}
