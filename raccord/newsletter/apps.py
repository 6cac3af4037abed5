from django.apps import AppConfig

from raccord.core import registry


class NewsletterConfig(AppConfig):
    name = "raccord.newsletter"
    verbose_name = "Infolettre"

    def ready(self):
        from anymail.signals import tracking
        from django.db.models.signals import post_delete, post_save

        from . import bootstrap, demo, gdpr, publication, scale, services, webhooks
        from .models import Campaign

        tracking.connect(webhooks.on_tracking, dispatch_uid="raccord.newsletter.tracking")
        for signal in (post_save, post_delete):
            signal.connect(
                services.forget_topics_cache,
                sender="newsletter.Topic",
                dispatch_uid=f"topics-{signal}",
            )
        registry.bootstrap.add_loader("newsletter", bootstrap.load)
        # What shows a campaign once sent: /infolettre/, its archives and the sitemap.
        registry.purge.on(Campaign, publication.campaign_paths, pages=publication.newsletter_pages)
        registry.sitemap.add(
            "newsletter", registry.SitemapSection("newsletter", publication.sitemap_items)
        )
        registry.demo.add_loader("newsletter", demo.load)
        registry.scale.add_loader("newsletter", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.jobs.add_job(
            registry.Job(
                "newsletter_send_due",
                "newsletter_send_due",
                "*:0/5",
                "Infolettres programmées",
                300,
            )
        )
