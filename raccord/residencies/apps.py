from django.apps import AppConfig

from raccord.core import registry


class ResidenciesConfig(AppConfig):
    name = "raccord.residencies"
    verbose_name = "Résidences"

    def ready(self):
        from . import bootstrap, dashboard, demo, gdpr, views
        from .models import ResidencyPage

        registry.bootstrap.add_loader("residencies", bootstrap.load)
        registry.demo.add_loader("residencies", demo.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.requests.add("applications", dashboard.APPLICATIONS)
        # The page model never imports its views: they are mounted here (core.models.RoutedPage).
        registry.page_routes.add_route(
            ResidencyPage, "candidater/", views.ApplicationView.as_page_view(), name="apply"
        )
        registry.page_routes.add_route(
            ResidencyPage, "candidater/merci/", views.application_thanks, name="apply_thanks"
        )
