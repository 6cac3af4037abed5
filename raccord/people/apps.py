from django.apps import AppConfig

from raccord.core import registry


class PeopleConfig(AppConfig):
    name = "raccord.people"
    verbose_name = "Personnes"

    def ready(self):
        from . import gdpr, scale

        registry.scale.add_loader("people", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
