"""The news feed (Atom) at /actualites/flux.xml, announced on every page."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from . import identity
from .models import NewsPage

FEED_SIZE = 20


def absolute(path: str) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + path


class NewsFeed(Feed):
    feed_type = Atom1Feed
    subtitle = "Les nouvelles du collectif : soirées, films, résidences."

    def get_object(self, request, *args, **kwargs):
        # The feed names the collective of the site it is served for.
        self.collective = identity.for_request(request)
        return None

    def title(self):
        return f"Actualités · {self.collective.name}"

    def author_name(self):
        return self.collective.name

    def link(self):
        return absolute("/actualites/")

    def feed_url(self):
        return absolute("/actualites/flux.xml")

    def items(self):
        return list(NewsPage.objects.published()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        parts = item.get_url_parts()
        return absolute(parts[2]) if parts else absolute("/actualites/")

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)
