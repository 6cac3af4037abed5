from django.apps import AppConfig

from raccord.core import registry


class PlateauConfig(AppConfig):
    name = "raccord.plateau"
    verbose_name = "Plateau coopératif"

    def ready(self):
        from . import demo, gdpr

        registry.demo.add_loader("plateau", demo.load)
        registry.gdpr.add_section(gdpr.SECTION)
