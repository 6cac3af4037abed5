"""Rendered fragments every page repeats (menu, footer, the home's body), shared between pages.

A page-cache miss (the first visitor after a publish, a seat change, a query string) still
renders the whole page; these fragments spare it the menu and footer queries and most of the
template work. They live in the page cache's alias and are keyed by its global version, so
whatever purges every page (publishing, unpublishing, moving or deleting a page, saving site
settings) also retires every fragment. Only anonymous visitors share them: a visitor with a
session gets CSRF tokens and editor links of their own.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe

from . import page_cache


def enabled(request) -> bool:
    return (
        settings.RACCORD_FRAGMENT_CACHE
        and request is not None
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def generation(request) -> int:
    # Read once per request: every fragment of the page is keyed by the same version.
    if not hasattr(request, "_raccord_generation"):
        request._raccord_generation = page_cache.global_version()
    return request._raccord_generation


_LOCAL_MAX = 2000  # fragments per process (the footer form has one per path)
_local: tuple[int, dict[str, tuple[float, str]]] = (-1, {})


def _local_entries(version: int) -> dict[str, tuple[float, str]]:
    global _local
    if _local[0] != version:
        _local = (version, {})  # one assignment: threads see the old or the new, both valid
    return _local[1]


def get_or_render(request, name: str, vary: tuple, render) -> str:
    """The fragment `name` as rendered for these `vary` values, rendering it when missing."""
    if not enabled(request):
        return render()
    version = generation(request)
    raw = f"{name}|{version}|{request.get_host()}|{vary!r}"
    key = "frag:" + hashlib.sha1(raw.encode()).hexdigest()
    local = _local_entries(version)
    now = time.monotonic()
    entry = local.get(key)
    if entry is not None and entry[0] > now:
        return mark_safe(entry[1])  # our own template output, escaped when it was rendered
    cache = caches[settings.RACCORD_PAGE_CACHE_ALIAS]
    lifetime = settings.RACCORD_PAGE_CACHE_SECONDS
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, lifetime)
    if len(local) < _LOCAL_MAX:
        local[key] = (now + lifetime, html)
    return mark_safe(html)
