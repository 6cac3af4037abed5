from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from raccord.core.sitemaps import sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("raccord.core.urls")),
    path("", include("raccord.core.altcha")),
    path("", include("raccord.people.urls")),
    path("", include("raccord.events.urls")),
    path("", include("raccord.newsletter.urls")),
    path("", include("raccord.films.urls")),
    path("", include("raccord.partners.urls")),
    path("", include("raccord.residencies.urls")),
    path("", include("raccord.plateau.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "raccord.core.views.page_not_found"
handler500 = "raccord.core.views.server_error"
handler403 = "raccord.core.views.permission_denied"
