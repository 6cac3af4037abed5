"""Every URL that takes an anonymous POST is one of the declared doors, and no other URL writes.

The doors: the public-form pipeline (`core.public_forms`), the signed-link pages
(`core.signed_link_view`) and the cross-origin endpoints declared with
`protection.cross_origin_endpoint` (each authenticated by its own token or signature). A new
view that handles a POST any other way fails here before it reaches a visitor.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from raccord.core import registry
from raccord.core.protection import is_cross_origin_endpoint
from raccord.core.public_forms import PublicFormView
from raccord.core.signed_link_view import SignedLinkView

DOORS = (PublicFormView, SignedLinkView)
# Wagtail's own admin and documents carry their own authentication and CSRF checks.
SKIPPED_PREFIXES = ("admin/", "documents/")
# Wagtail's private-page password and login forms: Wagtail's code, CSRF-checked by Django.
WAGTAIL_FORMS = {"_util/login/", "_util/authenticate_with_password/"}
# Rows any request may write: a session (Plateau's logout flushes one), the site settings
# Wagtail creates on first read.
INFRASTRUCTURE_TABLES = ("django_session", "core_sitesettings")
SAMPLE = {"int": "1", "str": "x", "slug": "x", "path": "x"}


def url_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not route.startswith(SKIPPED_PREFIXES):
                yield from url_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def takes_post(view_class) -> bool:
    return "post" in view_class.http_method_names and (
        hasattr(view_class, "post") or issubclass(view_class, SignedLinkView)
    )


def is_wagtail_form(route: str) -> bool:
    return any(route.startswith(prefix) for prefix in WAGTAIL_FORMS)


def sample_url(route: str) -> str:
    if route.startswith("^"):  # Wagtail's catch-all page route: the home page
        return "/"
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE[m.group(1) or "str"], route)


def test_every_class_view_taking_a_post_is_a_declared_door():
    outside = [
        route
        for route, callback in url_patterns()
        if (view_class := getattr(callback, "view_class", None))
        and takes_post(view_class)
        and not issubclass(view_class, DOORS)
        and not is_cross_origin_endpoint(callback)
        and not is_wagtail_form(route)
    ]
    assert outside == []


def test_every_form_mounted_under_a_page_is_a_declared_door():
    routes = list(registry.page_routes)
    assert routes, "the apps mount their page forms through registry.page_routes"
    outside = [
        f"{route.model.__name__}:{route.pattern}"
        for route in routes
        if not getattr(route.view, "read_only", False)  # core.public_forms.page_read_view
        and (
            (view_class := getattr(route.view, "view_class", None)) is None
            or (takes_post(view_class) and not issubclass(view_class, DOORS))
        )
    ]
    assert outside == []


@pytest.mark.django_db
def test_an_anonymous_post_anywhere_else_writes_nothing(client):
    others = [
        route
        for route, callback in url_patterns()
        if getattr(callback, "view_class", None) is None
        and not is_cross_origin_endpoint(callback)
        and not is_wagtail_form(route)
    ]
    assert "plateau/deconnexion/" in others  # the walk reaches the function views
    writes = {}
    for route in others:
        with CaptureQueriesContext(connection) as queries:
            client.post(sample_url(route), {"email": "quelquun@example.org", "name": "X"})
        written = [
            query["sql"][:80]
            for query in queries.captured_queries
            if query["sql"].lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
            and not any(f'"{table}"' in query["sql"] for table in INFRASTRUCTURE_TABLES)
        ]
        if written:
            writes[route] = written
    assert writes == {}
