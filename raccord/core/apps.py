from django.apps import AppConfig

from . import registry


class CoreConfig(AppConfig):
    name = "raccord.core"
    verbose_name = "Site"

    def ready(self):
        from . import dashboard, demo, page_cache, scale

        page_cache.connect_signals()
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
