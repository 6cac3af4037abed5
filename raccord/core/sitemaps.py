"""`/sitemap.xml`: Wagtail's pages, and the URLs outside the page tree the apps register
(`registry.sitemap`: the infolettre's archives…)."""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps import views

from . import registry


class RegisteredSitemap(DjangoSitemap):
    def items(self):
        return [item for section in registry.sitemap for item in section.items()]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]


def sitemap(request, **kwargs):
    return views.sitemap(
        request, sitemaps={"pages": PagesSitemap, "more": RegisteredSitemap()}, **kwargs
    )
