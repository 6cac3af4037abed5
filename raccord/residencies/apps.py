from django.apps import AppConfig

from raccord.core import registry


class ResidenciesConfig(AppConfig):
    name = "raccord.residencies"
    verbose_name = "Résidences"

    def ready(self):
        from . import dashboard, demo, gdpr

        registry.demo.add_loader("residencies", demo.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.requests.add("applications", dashboard.APPLICATIONS)
