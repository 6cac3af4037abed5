from django.apps import AppConfig

from raccord.core import registry


class ResidenciesConfig(AppConfig):
    name = "raccord.residencies"
    verbose_name = "Résidences"

    def ready(self):
        from raccord.people.models import Organisation

        from . import bootstrap, dashboard, demo, gdpr, purge, views
        from .models import BudgetLine, Call, CallRole, FundingSource, ResidencyPage

        registry.bootstrap.add_loader("residencies", bootstrap.load)
        # Partners and funders on a residency's page; the funding bar and the open calls on the
        # residencies' pages and their index (core/page_cache.py purges them on every edit).
        registry.purge.on(Organisation, pages=purge.pages_showing_organisation)
        for model in (FundingSource, BudgetLine, Call, CallRole):
            registry.purge.on(model, pages=purge.residency_pages)
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
