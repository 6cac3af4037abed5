"""One address for the site: settings.SITE_URL, which Wagtail's default Site follows.

Page URLs, the API's `url` fields, the sitemap and feeds come from the Site record; mails and
calendars from SITE_URL. `migrate` (post_migrate), `bootstrap_site` and `load_demo` call
`align_default_site()` so both name the address the site is served at (`PORT=8300 make run`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def address() -> tuple[str, int]:
    url = urlsplit(settings.RACCORD_SITE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)


def align_default_site() -> bool:
    """Point the default Site at SITE_URL's host and port; True when it changed."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    if Site.objects.exclude(pk=site.pk).filter(hostname=hostname, port=port).exists():
        return False  # another site already answers there: the team chose it, leave it
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def on_post_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    if "wagtailcore_site" in connections[using].introspection.table_names():
        align_default_site()
