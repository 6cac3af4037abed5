"""A page cache for anonymous visitors, purged when content changes.

One rule decides what may be cached (docs/decisions/0010-page-cache.md):

- only anonymous GETs of public pages, answered 200 without a cookie, and never a response that
  says `private` or `no-store`: every page reached through a personal link is marked so with
  `personal` (newsletter links, registration management, GDPR access, Plateau);
- the key is the host, the path and the query parameters the page declares it uses
  (`query_params(...)` on a view, `cache_params` on a page model), never a request header:
  other parameters are removed from the request before the view sees them, so `?nocache=1` is
  served from the cache like the bare path.

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
from django.http import QueryDict
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import urlencode

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
PERSONAL = "private, no-store"
# How long what a path declared (its query parameters) is remembered; tied to the versions too.
PARAMS_SECONDS = 86400
# Every parameter name some public view or page declared: the contract test reads it.
declared_params: set[str] = set()


def personal(view):
    """Mark a view whose pages are reached through a personal link: never cached anywhere."""
    from functools import wraps

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_personal(view(request, *args, **kwargs))

    wrapped.personal = True
    return wrapped


def mark_personal(response):
    """`Cache-Control: private, no-store`: no shared cache, no browser history copy."""
    response["Cache-Control"] = PERSONAL
    return response


def query_params(*names: str):
    """Declare the query parameters a public view reads; every other one is dropped."""
    declared_params.update(names)

    def decorator(view):
        from functools import wraps

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            use_params(request, names)
            return view(request, *args, **kwargs)

        wrapped.cache_params = tuple(names)
        return wrapped

    return decorator


def use_params(request, names) -> None:
    """Tell the cache which query parameters this request's page reads (pages, routed views)."""
    request.raccord_cache_params = tuple(sorted(set(names)))


def _cache():
    return caches[settings.RACCORD_PAGE_CACHE_ALIAS]


def _version_key(path: str) -> str:
    return "pagever:" + hashlib.sha1(path.encode()).hexdigest()


def _base(request) -> str:
    return f"{request.get_host()}{request.path}"


def _key(request, query: str = "") -> str:
    raw = f"{_base(request)}?{query}" if query else _base(request)
    return "page:" + hashlib.sha1(raw.encode()).hexdigest()


def _params_key(request) -> str:
    return "pageparams:" + hashlib.sha1(_base(request).encode()).hexdigest()


def _query(request, params) -> str:
    """The declared parameters of the request, in a stable order: `?b=2&a=1` is `?a=1&b=2`."""
    pairs = [(name, value) for name in sorted(params) for value in request.GET.getlist(name)]
    return urlencode(pairs)


def _keep_only(request, params) -> None:
    """The view sees the declared parameters only: what it renders is what the key says."""
    query = _query(request, params)
    request.GET = QueryDict(query)
    request.META["QUERY_STRING"] = query


def _lookup(request):
    """The current versions, the parameters the path declared (None: not known), the page.

    One round trip to Redis for a bare path and for a page that uses no parameter (the two
    version counters, what the path declared and the bare page are read together); a second
    one only for a page that uses parameters, under the key they make. A stored page counts
    only while the versions it was rendered under are still the current ones.
    """
    cache = _cache()
    bare_key, version_key = _key(request), _version_key(request.path)
    has_query = bool(request.META.get("QUERY_STRING"))
    keys = [GLOBAL, version_key, bare_key] + ([_params_key(request)] if has_query else [])
    values = cache.get_many(keys)
    if GLOBAL not in values:  # a fresh Redis: seed it now, as the fragments would mid-render
        values[GLOBAL] = global_version()
    versions = (values[GLOBAL], values.get(version_key, 0))
    known = values.get(_params_key(request)) if has_query else None
    params = known[1] if isinstance(known, tuple) and known[0] == versions else None
    entry = values.get(bare_key)
    if has_query:
        if params is None:
            return versions, None, None  # render once to learn what the page reads
        _keep_only(request, params)
        if params:
            key = _key(request, request.META["QUERY_STRING"])
            entry = cache.get(key) if key != bare_key else entry
    if isinstance(entry, tuple) and entry[0] == versions:
        return versions, params, entry[1]
    return versions, params, None


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
    # The key never holds a request header: a page that varies on one (Cookie, Accept-Language…)
    # cannot be shared. Accept-Encoding is the proxy's business (nginx compresses).
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - {"accept-encoding"}:
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
            versions, params, cached = _lookup(request)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached
            seen = set(request.GET)  # what the view will see: declared ones only once known
        response = self.get_response(request)
        if storable(response):
            # Shared caches (nginx, browsers) keep it RACCORD_PUBLIC_MAX_AGE seconds, even when
            # the app cache is off: that is what bounds a stale seat count in front of the app.
            timeout = get_max_age(response)
            if timeout is None:
                patch_cache_control(response, public=True, max_age=settings.RACCORD_PUBLIC_MAX_AGE)
                timeout = settings.RACCORD_PAGE_CACHE_SECONDS
            if store and timeout:
                response = self._store(request, response, versions, params, seen, timeout)
        return response

    @staticmethod
    def _store(request, response, versions, params, seen, timeout):
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        declared = getattr(request, "raccord_cache_params", ())
        cache = _cache()
        if params is None or set(declared) != set(params):
            # Remember what the path's page reads; rendered with a parameter it does not read
            # (the first visit with a query string), the page is not stored: the next one is.
            cache.set(_params_key(request), (versions, tuple(declared)), PARAMS_SECONDS)
            if seen - set(declared):
                return response
        key = _key(request, _query(request, declared))
        cache.set(key, (versions, response), timeout)
        response["X-Page-Cache"] = "miss"
        return response


def _purge_all_on_signal(**kwargs) -> None:
    purge_all()


def _purge_registered(sender, instance=None, **kwargs) -> None:
    """Saving or deleting a model an app declared (registry.purge) purges the pages showing it."""
    if instance is not None and registry.purge.rules_for(sender):
        purge_for(instance)


def purge_for(instance) -> None:
    """Purge what the rules declared for this object's model say shows it.

    Signals call it on every save and delete, whatever the process (admin, a command, a task);
    code that changes rows with `QuerySet.update()` (no signal) calls it itself.
    """
    rules = registry.purge.rules_for(type(instance))
    if any(rule.everything for rule in rules):
        purge_all()
        return
    try:
        paths = set()
        for rule in rules:
            paths.update(rule.paths(instance) if rule.paths else ())
            for page in rule.pages(instance) if rule.pages else ():
                paths.update(page_paths(page))
    except Exception:  # a purge must never break the edit that triggered it
        logger.exception("purge rule for %s failed: purging everything", type(instance).__name__)
        purge_all()
        return
    if "/" in paths:
        purge_all()  # the home page's body is a shared fragment (core/fragments.py)
        return
    purge_paths(*paths)
    if transaction.get_connection().in_atomic_block:
        # As purge_all(): a render between the bump and the commit would store the old state.
        transaction.on_commit(lambda: purge_paths(*paths))


def page_paths(page) -> list[str]:
    """A page's path, and the paths of the views mounted under it without a parameter."""
    parts = page.get_url_parts()
    if not parts:
        return []
    path = parts[2]
    mounted = [
        path + route.pattern
        for route in registry.page_routes.for_model(page.specific_class or type(page))
        if "<" not in route.pattern
    ]
    return [path, *mounted]


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
