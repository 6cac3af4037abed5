from django.apps import AppConfig


class ResidenciesConfig(AppConfig):
    name = "raccord.residencies"
    label = "residencies"
    verbose_name = "Résidences"

    def ready(self):
        from raccord.core import registry

        from . import views
        from .models import ResidencyPage

        # The page model never imports its views: they are mounted here (core.models.RoutedPage).
        registry.page_routes.add_route(
            ResidencyPage, "candidater/", views.ApplicationView.as_page_view(), name="apply"
        )
        registry.page_routes.add_route(
            ResidencyPage, "candidater/merci/", views.application_thanks, name="apply_thanks"
        )
