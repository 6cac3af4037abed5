from django.apps import AppConfig

from raccord.core import registry


class PartnersConfig(AppConfig):
    name = "raccord.partners"
    verbose_name = "Partenaires"

    def ready(self):
        from raccord.people.models import Organisation

        from . import bootstrap, dashboard, demo, gdpr, scale, views
        from .models import PartnersIndexPage, TrainingPage

        registry.bootstrap.add_loader("partners", bootstrap.load)
        # An organisation shown publicly (its name, its logo) is listed on /partenaires/.
        registry.purge.on(Organisation, pages=lambda organisation: PartnersIndexPage.objects.live())
        registry.demo.add_loader("partners", demo.load)
        registry.scale.add_loader("partners", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.dashboard.add_panel("follow_ups", dashboard.FollowUpsPanel, order=50)
        registry.requests.add("partnership_inquiries", dashboard.INQUIRIES)
        registry.requests.add("coaching_requests", dashboard.COACHING_REQUESTS)
        registry.page_routes.add_route(
            PartnersIndexPage,
            "devenir-partenaire/",
            views.PartnershipInquiryView.as_page_view(),
            name="inquiry",
        )
        registry.page_routes.add_route(
            TrainingPage, "", views.CoachingRequestView.as_page_view(), name="request"
        )
