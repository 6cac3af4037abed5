from django.apps import AppConfig

from . import registry


class CoreConfig(AppConfig):
    name = "raccord.core"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import bootstrap, dashboard, demo, page_cache, scale, site_url

        page_cache.connect_signals()
        # After `migrate`, not at every start: Wagtail's Site follows settings.SITE_URL.
        post_migrate.connect(site_url.on_post_migrate, sender=self, dispatch_uid="raccord-site-url")
        registry.bootstrap.add_loader("core", bootstrap.load)
        registry.demo.add_loader("core", demo.load)
        registry.scale.add_loader("core", scale.load)
        registry.dashboard.add_panel("new_requests", dashboard.NewRequestsPanel, order=60)
        registry.jobs.add_job(
            registry.Job(
                "send_queued_mails",
                "send_queued_mails",
                "*:0/5",
                "Relance des e-mails en attente",
                300,
            )
        )
        registry.jobs.add_job(
            registry.Job(
                "backup", "backup --nightly", "*-*-* 02:15:00", "Sauvegarde quotidienne", 86400
            )
        )
