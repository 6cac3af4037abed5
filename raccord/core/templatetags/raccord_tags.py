from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html

from raccord.core import fragments

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


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus: two queries when not already rendered."""
    request = context.get("request")
    current = context.get("page")
    current_path = getattr(current, "url_path", None) or ""
    # Which item is current only depends on the top-level section the page sits in.
    section = "/".join(current_path.split("/")[:3])
    in_search = bool(request) and getattr(request.resolver_match, "url_name", None) == "search"
    return fragments.get_or_render(
        request, "menu", (section, in_search), lambda: _render_menu(request, current_path)
    )


def _render_menu(request, current_path: str) -> str:
    from wagtail.models import Site

    site = Site.find_for_request(request) if request else None
    items = []
    if site is not None:
        items = list(
            site.root_page.get_children()
            .live()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth", "content_type_id")
        )
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.url_path)
        # With the request, Wagtail reads the site root paths once per request, not per link.
        item.href = item.get_url(request)
    return render_to_string(
        "components/main_menu.html", {"items": items, "request": request}, request=None
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        name = self.name.resolve(context)
        vary = tuple(str(v.resolve(context)) for v in self.vary)
        return fragments.get_or_render(
            context.get("request"), name, vary, lambda: self.nodelist.render(context)
        )


@register.tag
def fragment(parser, token):
    """`{% fragment "name" var… %}…{% endfragment %}`: shared between anonymous renders until
    content changes (core/fragments.py); only what the listed variables decide may vary."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.filter
def brand_mark(name) -> str:
    """The collective's name for the header, a final « ! » set apart for the typography."""
    name = str(name or "")
    if name.endswith("!"):
        return format_html('{}<span class="bang">!</span>', name[:-1].rstrip("\u00a0 "))
    return conditional_escape(name)
