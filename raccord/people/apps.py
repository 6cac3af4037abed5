from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "raccord.people"
    label = "people"
    verbose_name = "Personnes"

    def ready(self):
        from raccord.core import registry
        from raccord.core.models import ContactPage

        from .views import ContactFormView

        # The contact page's form is people's: the page model never imports it (decision 0014).
        registry.page_routes.add_route(
            ContactPage, "", ContactFormView.as_page_view(), name="contact_form"
        )
