from django.apps import AppConfig

from raccord.core import registry


class PeopleConfig(AppConfig):
    name = "raccord.people"
    verbose_name = "Personnes"

    def ready(self):
        from raccord.core.models import ContactPage

        from . import dashboard, gdpr, scale
        from .views import ContactFormView

        registry.scale.add_loader("people", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.requests.add("contact_messages", dashboard.CONTACT_MESSAGES)
        # The contact page's form is people's: the page model never imports it (decision 0014).
        registry.page_routes.add_route(
            ContactPage, "", ContactFormView.as_page_view(), name="contact_form"
        )
