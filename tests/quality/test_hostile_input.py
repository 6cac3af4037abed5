"""Hostile input on every public form and signed link: never a 500, nothing stored when refused.

Forms are discovered on the crawled public pages (the sitemap, plus the pages they link to), so
each new form is covered as it lands; signed links are the URL patterns taking a `<token>`.
Requests go through Django's test client in the test's own transaction (no HTTP): fast enough
for a few dozen examples per form. RACCORD_HOSTILE_EXAMPLES sets how many (default 8).
"""

import os
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.browser_fixtures import in_ci

from .checks import SKIPPED_PREFIXES, discovered_forms

pytestmark = pytest.mark.browser

EXAMPLES = int(os.environ.get("RACCORD_HOSTILE_EXAMPLES", "8"))
# Tables a refused request may legitimately write to: sessions, login attempts.
IGNORED_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"}
ACCEPTED = (301, 302, 303)

NASTY = [
    "",
    " ",
    "\x00",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%00%0d%0a",
    "\r\nBcc: victime@example.org",
    "a@b",
    "x" * 100_000,
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "2026-02-30",
    "🎬" * 2_000,
    "Zoé\u0301 Noël ß ǅ ﬁ",
]
hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400),
)


def field_value(kind: str):
    if kind == "file":
        return st.binary(max_size=4_000).map(lambda raw: SimpleUploadedFile("piece.pdf", raw))
    return st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))


def form_data(fields: dict):
    """Each known field missing or hostile, the honeypot left empty, sometimes an extra field."""
    parts = {
        name: st.one_of(st.none(), field_value(spec["type"]))
        for name, spec in fields.items()
        if name not in ("site_web", "csrfmiddlewaretoken")
    }
    parts["champ_inconnu"] = st.one_of(st.none(), hostile_text)
    return st.fixed_dictionaries(parts).map(
        lambda data: {name: value for name, value in data.items() if value is not None}
    )


def row_counts() -> tuple:
    """Every table's row count, in one query."""
    tables = sorted(set(connection.introspection.table_names()) - IGNORED_TABLES)
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(zip(tables, cursor.fetchone(), strict=True))


def changed(before: tuple, after: tuple) -> list[str]:
    return [f"{t}: {a} -> {b}" for (t, a), (_, b) in zip(before, after, strict=True) if a != b]


def hypothesis_settings(examples: int = EXAMPLES):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=in_ci(),  # the same examples on every CI run; random ones locally
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def test_public_forms_survive_hostile_input_and_store_nothing_they_refuse(live_url):
    forms = discovered_forms(live_url)
    assert "/nous-rencontrer/" in forms, f"the contact form was not discovered: {sorted(forms)}"
    client = Client()
    problems = []

    for action, form in forms.items():
        try:
            hostile_posts(client, action, form["fields"])()
        except AssertionError as error:
            problems.append(f"{action}: {error}")
    assert not problems, "\n".join(problems)


def hostile_posts(client, action: str, fields: dict):
    @hypothesis_settings()
    @given(data=form_data(fields))
    def post(data):
        cache.clear()  # stay under the rate limits: the form's own logic must run
        before = row_counts()
        response = client.post(action, data)
        assert response.status_code < 500, f"{action} answered {response.status_code}"
        if response.status_code not in ACCEPTED:
            stored = changed(before, row_counts())
            assert not stored, f"{action} refused the input but stored rows: {stored}"

    return post


def token_routes() -> list[str]:
    """Public URL patterns that carry a signed token, as paths with `{}` where it goes."""
    routes = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif (
                isinstance(pattern, URLPattern)
                and "<str:token>" in route
                and not ("/" + route).startswith(SKIPPED_PREFIXES)
            ):
                routes.append("/" + route)

    walk(get_resolver().url_patterns)
    return routes


def test_signed_links_refuse_forged_tokens_without_error_or_change(live_url):
    from raccord.core import signed_links

    genuine = signed_links.make("quality.test", 1)
    forged_tokens = st.one_of(
        hostile_text.filter(lambda t: "/" not in t and t.strip() and len(t) < 2_000),
        st.integers(0, len(genuine) - 1).map(
            lambda i: genuine[:i] + ("A" if genuine[i] != "A" else "B") + genuine[i + 1 :]
        ),
    )
    client = Client()
    routes = token_routes()
    assert routes, "no URL with a <str:token> was found"
    for route in routes:
        forged_visits(client, route, forged_tokens)()


def forged_visits(client, route: str, tokens):
    @hypothesis_settings(max(4, EXAMPLES // 2))
    @given(token=tokens, method=st.sampled_from(["get", "post"]))
    def visit(token, method):
        cache.clear()
        before = row_counts()
        path = route.replace("<str:token>", quote(token, safe=""))
        response = getattr(client, method)(path, {"confirmer": "1"} if method == "post" else {})
        assert response.status_code < 500, f"{method.upper()} {route} -> 500"
        assert not changed(before, row_counts()), f"{method.upper()} {route} stored rows"

    return visit
