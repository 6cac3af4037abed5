from django.apps import AppConfig

from raccord.core import registry


class FilmsConfig(AppConfig):
    name = "raccord.films"
    verbose_name = "Films et diffusion"

    def ready(self):
        from . import dashboard, demo, gdpr, scale

        registry.demo.add_loader("films", demo.load)
        registry.scale.add_loader("films", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.requests.add("screening_requests", dashboard.SCREENING_REQUESTS)
