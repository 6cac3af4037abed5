"""Wagtail's routing for anonymous visitors without the queries that only change on publish.

Wagtail looks up the Site (one query), loads the home page's specific object (another) and reads
view restrictions (two more) on every page it serves. All of it changes only when content is
published, moved or deleted, or a site or a restriction saved, and each of these bumps the page
cache's global version (core/page_cache.py). So:

- `SiteMiddleware` keeps, per process, a pickled copy of the Site (with its home page already
  specific) per host and version, and gives each anonymous request a fresh unpickled copy:
  no model instance is shared between requests or threads (~40 µs instead of two queries).
- `any_view_restriction()` remembers, per process and version, whether the site has any view
  restriction at all; while it has none, `RaccordPage.get_view_restrictions()` answers without
  a query. During an anonymous request it uses the version the middleware already read.
"""

from __future__ import annotations

import pickle
from contextvars import ContextVar

from django.conf import settings

from . import fragments, page_cache

_MAX_HOSTS = 32  # the Host header comes from the client: keep a bounded number of copies
_copies: dict[tuple[str, int], tuple[int, bytes]] = {}
_request_version: ContextVar[int | None] = ContextVar("raccord_request_version", default=None)
_restrictions: tuple[int, bool] = (-1, True)


def enabled(request) -> bool:
    return settings.RACCORD_FRAGMENT_CACHE and page_cache.applies_to(request)


def site_for(request):
    """A private copy of the request's Site and home page, current for the content version."""
    from wagtail.models import Site

    version = fragments.generation(request)
    key = (request._get_raw_host(), request.get_port())
    entry = _copies.get(key)
    if entry is None or entry[0] != version:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.localized.specific  # noqa: B018 - stored in the copy
        entry = (version, pickle.dumps(site, pickle.HIGHEST_PROTOCOL))
        if len(_copies) >= _MAX_HOSTS:
            _copies.clear()
        _copies[key] = entry
    return pickle.loads(entry[1])


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled(request):
            return self.get_response(request)
        # Wagtail's Site.find_for_request() returns what it finds here.
        request._wagtail_site = site_for(request)
        token = _request_version.set(fragments.generation(request))
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def any_view_restriction() -> bool:
    """Whether any page has a view restriction: one query per process and content version."""
    global _restrictions
    if not settings.RACCORD_FRAGMENT_CACHE:
        return True
    from wagtail.models import PageViewRestriction

    version = _request_version.get()
    if version is None:  # outside an anonymous request (admin, commands)
        version = page_cache.global_version()
    if _restrictions[0] != version:
        _restrictions = (version, PageViewRestriction.objects.exists())
    return _restrictions[1]
