"""Site-wide views: health check, robots.txt, search, the news feed and the French error pages."""

import re
import unicodedata

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from . import page_cache
from .health import report


@never_cache
def healthz(request):
    """200 when the database, the cache and the task worker answer; 503 otherwise."""
    healthy, checks = report()
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        "Disallow: /plateau/",
        "Disallow: /mes-donnees/",
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def theme_css(request):
    """The collective's colours as CSS custom properties: the CSP forbids inline styles."""
    from . import identity

    collective = identity.for_request(request)
    rules = []
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}")
    primary = collective.primary_colour if hex_colour.fullmatch(collective.primary_colour) else ""
    accent = collective.accent_colour if hex_colour.fullmatch(collective.accent_colour) else ""
    if primary:
        rules.append(f"--color-accent: {primary};")
        rules.append(f"--color-infuser: {primary};")
    if accent:
        rules.append(f"--color-sun: {accent};")
    response = HttpResponse(
        ":root { " + " ".join(rules) + " }\n", content_type="text/css; charset=utf-8"
    )
    # The link carries the colours in its query string: a new colour is a new URL.
    response["Cache-Control"] = "public, max-age=86400"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


MEDIAN_DOT = re.compile(r"(\w)[·•‧⋅.](\w+)(?:[·•‧⋅.](\w+))?")
SEARCH_PER_PAGE = 10


def normalize_query(query: str) -> str:
    """Trim and tame inclusive writing: `participant·es` searches for `participant`."""
    query = " ".join((query or "").split())[:200]
    return MEDIAN_DOT.sub(r"\1", query)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _accent_insensitive(pages, query: str) -> list:
    """Last resort on a small site: every word, accents ignored, in a title or description."""
    words = _fold(query).split()
    candidates = pages.only("id", "title", "search_description", "url_path", "path", "depth")
    return [
        page
        for page in candidates
        if all(w in _fold(f"{page.title} {page.search_description}") for w in words)
    ]


@page_cache.query_params("q", "page")
def search(request):
    """`/recherche/`: Wagtail's search over live public pages, forgiving with accents."""
    from wagtail.models import Page

    raw_query = request.GET.get("q", "")
    query = normalize_query(raw_query)
    results = []
    if query:
        pages = Page.objects.live().public().exclude(depth__lte=1)
        results = pages.search(query)
        if not len(results):
            results = pages.autocomplete(query)
        if not len(results):
            results = _accent_insensitive(pages, query)
    paginator = Paginator(results, SEARCH_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "core/search.html",
        {
            "query": " ".join(raw_query.split())[:200],
            "results": page_obj.object_list,
            "page_obj": page_obj,
            "paginator": paginator,
        },
    )


def news_feed(request):
    from .feeds import NewsFeed

    return NewsFeed()(request)
