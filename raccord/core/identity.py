"""The collective's identity (core.models.SiteSettings), read cheaply wherever it is named.

Pages read it on every render (title, header, meta tags): with the fragment cache on, each
process keeps a pickled copy per site and content version, the same way core/routing.py keeps
the Site; saving the setting purges every page (page_cache._settings_saved), which bumps the
version. Within a request Wagtail keeps the instance on the request. Mails, calendars and
commands outside a request read the default site's setting.
"""

from __future__ import annotations

import pickle

from django.conf import settings

from . import page_cache

_copies: dict[int, tuple[int, bytes]] = {}


def _load(site):
    from .models import SiteSettings

    return SiteSettings.for_site(site)


def for_site(site=None, *, version: int | None = None):
    """The identity of `site` (the default site when None); a private copy, never shared."""
    from wagtail.models import Site

    if site is None:
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        from .models import SiteSettings

        return SiteSettings()  # before any site exists (a fresh database): the neutral defaults
    if not settings.RACCORD_FRAGMENT_CACHE:
        return _load(site)
    if version is None:
        version = page_cache.global_version()
    entry = _copies.get(site.pk)
    if entry is None or entry[0] != version:
        entry = (version, pickle.dumps(_load(site), pickle.HIGHEST_PROTOCOL))
        _copies[site.pk] = entry
    return pickle.loads(entry[1])


def for_request(request):
    """The identity of the request's site, read once per request."""
    cached = getattr(request, "_raccord_identity", None)
    if cached is not None:
        return cached
    from wagtail.models import Site

    from . import fragments

    site = Site.find_for_request(request)
    if settings.RACCORD_FRAGMENT_CACHE and site is not None:
        identity = for_site(site, version=fragments.generation(request))
    elif site is not None:
        from .models import SiteSettings

        identity = SiteSettings.for_request(request)  # shares Wagtail's copy with templates
    else:
        identity = for_site(None)
    request._raccord_identity = identity
    return identity


def team_email() -> str:
    """Where team notifications go: RACCORD_TEAM_EMAIL, else the collective's contact address."""
    return settings.RACCORD_TEAM_EMAIL or for_site(None).contact_email or settings.SERVER_EMAIL


def current(request=None):
    return for_request(request) if request is not None else for_site(None)
