"""A page cache for anonymous visitors, purged when content changes.

Anonymous GETs of public pages are stored whole (headers included) in the `pages` cache alias:
Redis in production, local memory in the embedded default. A page is served from it until its
lifetime ends or until content changes: publishing, unpublishing, moving or deleting a page and
saving site settings, a site or an image purge every page (and the shared fragments of
core/fragments.py, keyed by the same version); a seat change on a soirée purges that soirée's paths only
(`purge_paths`). Visitors with a session (volunteers, Plateau crews) always get fresh pages.

The response also tells nginx (and browsers) it may keep it for RACCORD_PUBLIC_MAX_AGE seconds,
so a wrong seat count can only live that long in front of the app.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_max_age, has_vary_header, patch_cache_control

from . import registry

logger = logging.getLogger(__name__)

SKIP_PREFIXES = (
    "/admin/",
    "/plateau/",
    "/healthz",
    "/static/",
    "/media/",
    "/documents/",
)
# Public, so nginx may keep them a few seconds, but not stored here: any query string is a new
# key and a crawler would fill the cache with one-off searches.
NO_STORE_PREFIXES = ("/recherche/",)
GLOBAL = "pagever:*"


def _cache():
    return caches[settings.RACCORD_PAGE_CACHE_ALIAS]


def _version_key(path: str) -> str:
    return "pagever:" + hashlib.sha1(path.encode()).hexdigest()


def _key(request) -> str:
    raw = f"{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.sha1(raw.encode()).hexdigest()


def _lookup(request) -> tuple[str, tuple[int, int], object]:
    """The page's key, the current versions and the stored response if still current.

    One round trip to Redis: the two version counters and the page are read together; the
    page is stored with the versions it was rendered under and counts only if they still match.
    """
    key, version_key = _key(request), _version_key(request.path)
    values = _cache().get_many([GLOBAL, version_key, key])
    versions = (values.get(GLOBAL, 0), values.get(version_key, 0))
    entry = values.get(key)
    if isinstance(entry, tuple) and entry[0] == versions:
        return key, versions, entry[1]
    return key, versions, None


def _seed() -> int:
    # Versions start from the clock, not 0: after Redis loses its data (a restart without
    # persistence) no version repeats one that a process still holds fragments for.
    return time.time_ns() // 1000


def _bump(key: str) -> None:
    cache = _cache()
    cache.add(key, _seed(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)


def purge_all() -> None:
    """Retire every cached page and fragment, now and again when the transaction commits.

    Signals fire inside the transaction: a visitor rendering between the first bump and the
    commit would read the old content (or no view restriction yet) and store it under the new
    version. The second bump, once the change is visible to every connection, retires that.
    """
    _bump(GLOBAL)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(GLOBAL))


def global_version() -> int:
    """Bumped by every purge_all(); fragments (core/fragments.py) are keyed by it."""
    cache = _cache()
    version = cache.get(GLOBAL)
    if version is None:
        cache.add(GLOBAL, _seed(), timeout=None)
        version = cache.get(GLOBAL, 0)
    return version


def purge_paths(*paths: str) -> None:
    for path in paths:
        if path:
            _bump(_version_key(path))


def applies_to(request) -> bool:
    """An anonymous GET of a public page: its response may be shared (nginx, browsers)."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIP_PREFIXES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def storable(response) -> bool:
    if response.streaming or response.status_code != 200 or response.cookies:
        return False
    if has_vary_header(response, "Cookie") or has_vary_header(response, "*"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(d in cache_control for d in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not applies_to(request):
            return self.get_response(request)
        store = settings.RACCORD_PAGE_CACHE and not request.path.startswith(NO_STORE_PREFIXES)
        if store:
            key, versions, cached = _lookup(request)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if storable(response):
            # Shared caches (nginx, browsers) keep it RACCORD_PUBLIC_MAX_AGE seconds, even when
            # the app cache is off: that is what bounds a stale seat count in front of the app.
            timeout = get_max_age(response)
            if timeout is None:
                patch_cache_control(response, public=True, max_age=settings.RACCORD_PUBLIC_MAX_AGE)
                timeout = settings.RACCORD_PAGE_CACHE_SECONDS
            if store and timeout:
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                _cache().set(key, (versions, response), timeout)
                response["X-Page-Cache"] = "miss"
        return response


def _purge_all_on_signal(**kwargs) -> None:
    purge_all()


def _purge_registered(sender, instance=None, **kwargs) -> None:
    """Saving or deleting a model an app declared (registry.purge) purges the pages showing it."""
    rule = registry.purge.get(sender._meta.label_lower)
    if rule is None:
        return
    if rule.paths is None:
        purge_all()
        return
    try:
        paths = list(rule.paths(instance))
    except Exception:  # a purge must never break the edit that triggered it
        logger.exception("purge rule for %s failed: purging everything", sender._meta.label)
        purge_all()
        return
    purge_paths(*paths)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: purge_paths(*paths))


def connect_signals() -> None:
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_purge_all_on_signal, dispatch_uid="raccord-page-cache-published")
    page_unpublished.connect(_purge_all_on_signal, dispatch_uid="raccord-page-cache-unpublished")
    # Moving or reordering pages changes menus and listings without publishing anything.
    post_page_move.connect(_purge_all_on_signal, dispatch_uid="raccord-page-cache-moved")
    post_delete.connect(
        _purge_all_on_signal, sender=Page, dispatch_uid="raccord-page-cache-deleted"
    )

    # Models the apps declared with registry.purge.on(...): any process, admin or command.
    post_save.connect(_purge_registered, dispatch_uid="raccord-page-cache-registered-save")
    post_delete.connect(_purge_registered, dispatch_uid="raccord-page-cache-registered-delete")

    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site

    # Menus hang off the site's root; an edited image gets new rendition file names; a page
    # that becomes private must leave the cache at once (core/routing.py reads it too).
    for model in (Site, get_image_model(), PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _purge_all_on_signal,
                sender=model,
                dispatch_uid=f"raccord-page-cache-{model._meta.label_lower}-{signal is post_save}",
            )

    post_save.connect(_settings_saved, dispatch_uid="raccord-page-cache-settings")


def _settings_saved(sender, **kwargs) -> None:
    # A module-level receiver: a nested one, weakly referenced, was collected at once and
    # settings changes never purged anything.
    from wagtail.contrib.settings.models import BaseSiteSetting

    if issubclass(sender, BaseSiteSetting):
        purge_all()
