"""The quality checks as plain functions, so journeys in every app can call them.

- ``public_urls(live_url)``: the public pages to check, discovered from ``/sitemap.xml`` (a few
  pages of each page type) plus ``EXTRA_PATHS``; every new page type is covered as it lands.
- ``axe_violations(page)`` / ``format_violations(...)``: axe-core's WCAG 2.0/2.1/2.2 A and AA
  rules on the page as it is now (call it after ``page.goto`` or after submitting a form).
- ``vnu_errors({name: html})``: the Nu Html Checker on many documents in one Java run.
- ``foreign_requests(page.requests, live_url)``: requests that left the site.
- ``post_forms(html)``: every ``<form method="post">`` of a page with its action and fields.
- ``keyboard_only_submit(page, form_selector, values)``: fill and send a form with the keyboard
  only (Tab, typing, Space, Enter), failing when a field cannot be reached or shows no focus.

The tools come from npm (``make quality-tools``, cached under ``var/quality``); when missing,
checks skip locally and fail under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.browser_fixtures import unavailable

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(os.environ.get("RACCORD_QUALITY_TOOLS", ROOT / "var" / "quality"))
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PAGES_PER_TYPE = int(os.environ.get("RACCORD_QUALITY_PAGES_PER_TYPE", "2"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# Pages the sitemap does not list: (path, expected status).
EXTRA_PATHS = [
    ("/recherche/?q=coop%C3%A9ration", 200),
    ("/cette-page-n-existe-pas/", 404),
]
CONTACT_PATH = "/nous-rencontrer/"


# --- discovering the pages ---


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one request, without raising on 4xx/5xx."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def sitemap_paths(live_url: str) -> list[str]:
    status, _, body = fetch(f"{live_url}/sitemap.xml")
    assert status == 200, f"/sitemap.xml answered {status}"
    paths = []
    for loc in re.findall(r"<loc>\s*([^<]+?)\s*</loc>", body):
        parts = urlsplit(loc)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path not in paths:
            paths.append(path)
    return paths


def _page_types() -> dict[str, str]:
    """Path -> page type of every live public Wagtail page."""
    from wagtail.models import Page

    types = {}
    for page in Page.objects.live().public().specific(defer=True):
        url = page.get_url()
        if url:
            types[urlsplit(url).path] = type(page).__name__
    return types


def public_urls(live_url: str, *, per_type: int = PAGES_PER_TYPE) -> list[tuple[str, int]]:
    """(path, expected status) of the pages to check: a few of each type, plus the extras.

    Set RACCORD_QUALITY_PAGES_PER_TYPE=0 to check every page of the sitemap.
    """
    types = _page_types()
    seen: dict[str, int] = defaultdict(int)
    chosen = []
    for path in sitemap_paths(live_url):
        kind = types.get(urlsplit(path).path, path)  # a non-page URL is its own type
        seen[kind] += 1
        if per_type <= 0 or seen[kind] <= per_type:
            chosen.append((path, 200))
    return chosen + [extra for extra in EXTRA_PATHS if extra[0] not in dict(chosen)]


# --- crawling the site for forms (in the test's thread, through Django's test client) ---

SKIPPED_PREFIXES = ("/admin/", "/documents/", "/_util/")


_crawled: dict[tuple[str, int], dict[str, str]] = {}


def crawl(live_url: str, *, per_type: int = PAGES_PER_TYPE) -> dict[str, str]:
    """Path -> HTML of the public pages and of the non-Wagtail pages they link to (forms,
    sign-ups, requests…), one page per URL pattern. Wagtail pages are all in the sitemap.
    Cached for the session: the demo content is the same for every test. `per_type=0` starts
    from every page of the sitemap."""
    if (live_url, per_type) in _crawled:
        return _crawled[live_url, per_type]
    from django.test import Client

    client = Client()
    pages: dict[str, str] = {}
    queue = [path for path, status in public_urls(live_url, per_type=per_type) if status == 200]
    seen_routes: set[str] = set()
    for depth in range(2):
        links = []
        for path in queue:
            if path in pages or path.startswith(SKIPPED_PREFIXES):
                continue
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            pages[path] = html
            if depth == 0:
                links += re.findall(r'href="(/[^"#]*)"', html)
        queue = []
        for link in dict.fromkeys(links):
            route = _route_of(urlsplit(link).path)
            if route and route not in seen_routes:  # one page per URL pattern is enough
                seen_routes.add(route)
                queue.append(link)
    _crawled[live_url, per_type] = pages
    return pages


def _route_of(path: str) -> str | None:
    """The URL pattern of a Django view, None for Wagtail pages and unknown paths."""
    from django.urls import get_resolver

    if not _resolves(path):
        return None
    match = get_resolver().resolve(path)
    if match.url_name in (None, "wagtail_serve") or "serve" in match.route:
        return None
    return match.route


def _resolves(path: str) -> bool:
    from django.urls import Resolver404, get_resolver

    try:
        get_resolver().resolve(path)
    except Resolver404:
        return False
    return True


def discovered_forms(live_url: str, *, per_type: int = PAGES_PER_TYPE) -> dict[str, dict]:
    forms: dict[str, dict] = {}
    for path, html in crawl(live_url, per_type=per_type).items():
        for form in post_forms(html, path):
            action = urlsplit(form["action"]).path or path
            if action.startswith(SKIPPED_PREFIXES):
                continue
            form.setdefault("page", path)
            forms.setdefault(action, form)["fields"].update(form["fields"])
    return forms


# --- axe-core ---


def axe_source() -> str:
    if not AXE_JS.is_file():
        unavailable(f"axe-core not found at {AXE_JS}: run `make quality-tools` (needs npm).")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, tags: list[str] = WCAG_TAGS) -> list[dict]:
    """axe-core's violations on the current page (injected over the DevTools protocol, so the
    page's strict CSP stays untouched)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary,
                                           html: n.html.slice(0, 200)})),
            }));
        }""",
        tags,
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"][:3]:
            lines.append(f"    - {node['target']}: {node['html']}")
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 3:
            lines.append(f"    … and {len(violation['nodes']) - 3} more elements")
    return "\n".join(lines)


# --- the Nu Html Checker ---


def vnu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """Run vnu once on every document; {name: ["line 12: message (extract)", ...]} of errors."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java not found: the Nu Html Checker needs `apt-get install default-jre`.")
    if not VNU_JAR.is_file():
        unavailable(f"vnu.jar not found at {VNU_JAR}: run `make quality-tools` (needs npm).")
    with tempfile.TemporaryDirectory(prefix="raccord-vnu-") as folder:
        files = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            files[str(path)] = name
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
            + ["--errors-only", *files],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(
            f"vnu gave no JSON: {result.stdout[:500]} {result.stderr[:500]}"
        ) from error
    errors: dict[str, list[str]] = defaultdict(list)
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = files.get(urlsplit(message.get("url", "")).path, message.get("url", "?"))
        extract = " ".join((message.get("extract") or "").split())[:120]
        errors[name].append(
            f"line {message.get('lastLine', '?')}: {message['message']} «{extract}»"
        )
    return dict(errors)


# --- privacy ---


def foreign_requests(requests: list[str], live_url: str) -> list[str]:
    own = urlsplit(live_url).netloc
    return [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
    ]


# --- forms ---


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._current = {"action": attrs.get("action") or "", "fields": {}}
                self.forms.append(self._current)
            else:
                self._current = None
        elif self._current is not None and tag in ("input", "textarea", "select"):
            name = attrs.get("name")
            if name and (attrs.get("type") or "").lower() not in ("submit", "button", "image"):
                self._current["fields"][name] = {
                    "type": (attrs.get("type") or tag).lower(),
                    "value": attrs.get("value") or "",
                }

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def post_forms(html: str, page_url: str = "") -> list[dict]:
    """[{"action": absolute or path, "fields": {name: {"type", "value"}}}] of POST forms."""
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        form["action"] = urljoin(page_url, form["action"]) if page_url else form["action"]
    return parser.forms


# --- keyboard ---

_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const label = (el.labels && el.labels[0] && el.labels[0].innerText)
        || el.getAttribute("aria-label") || el.innerText || "";
    return {
        tag: el.tagName.toLowerCase(), type: (el.type || "").toLowerCase(), name: el.name || "",
        label: label.trim(), inForm: !!el.closest(arguments[0] || "form"),
        focusVisible: el.matches(":focus-visible"),
        // Date and time fields highlight their focused segment natively.
        outline: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || ["date", "time", "datetime-local", "month", "week"].includes(el.type),
        shadow: style.boxShadow !== "none",
    };
}"""


def keyboard_reaches_every_field(page, form_selector: str, *, max_tabs: int = 120) -> list:
    """Tab through the whole page: every visible field of the form must take focus, visibly.

    Returns the names of the fields reached; fails naming the ones Tab never reached.
    """
    active_js = _ACTIVE.replace("arguments[0]", json.dumps(form_selector))
    expected = set(
        page.eval_on_selector(
            form_selector,
            """form => [...form.elements].filter(el => el.name && !el.disabled
                 && el.type !== "hidden" && el.tabIndex >= 0 && el.offsetParent !== null
                 && !el.closest("[aria-hidden=true]")).map(el => el.name)""",
        )
    )
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        active = page.evaluate(active_js)
        if active is None or not active["inForm"]:
            continue
        where = f"{active['tag']} {active['name'] or active['label']!r}"
        assert active["outline"] or active["shadow"], f"no visible focus on {where}"
        reached.append(active["name"])
        if expected <= set(reached):
            return reached
    raise AssertionError(
        f"never reached by Tab in {form_selector}: {sorted(expected - set(reached))}"
    )


def keyboard_only_submit(page, form_selector: str, values: dict, *, max_tabs: int = 80) -> list:
    """Reach the form with Tab from the top of the page, fill `values` ({field name: text, or
    True for a checkbox to tick}) with the keyboard, and press Enter on the submit button.

    Fails when a named field is never reached, when focus is invisible, or when the submit
    button cannot be reached. Returns the visited fields as (name, label) pairs.
    """
    active_js = _ACTIVE.replace("arguments[0]", json.dumps(form_selector))
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    visited = []
    pending = dict(values)
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        active = page.evaluate(active_js)
        if active is None or not active["inForm"]:
            continue
        where = f"{active['tag']} {active['name'] or active['label']!r}"
        assert active["outline"] or active["shadow"], f"no visible focus on {where}"
        visited.append((active["name"], active["label"]))
        assert active["name"] != "site_web", "the honeypot field takes keyboard focus"
        if active["name"] in pending:
            value = pending.pop(active["name"])
            if active["type"] in ("checkbox", "radio"):
                if value:
                    page.keyboard.press("Space")
            else:  # text fields, and selects, which pick the option typed
                page.keyboard.type(str(value))
        elif active["tag"] == "button" or active["type"] == "submit":
            assert not pending, f"fields never reached by Tab: {sorted(pending)}"
            page.keyboard.press("Enter")
            return visited
    raise AssertionError(
        f"submit button of {form_selector} not reached in {max_tabs} Tab presses; "
        f"visited {visited}, never reached {sorted(pending)}"
    )
