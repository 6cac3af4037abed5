from django.apps import AppConfig

from raccord.core import registry


class PlateauConfig(AppConfig):
    name = "raccord.plateau"
    verbose_name = "Plateau coopératif"

    def ready(self):
        from . import demo, gdpr

        registry.demo.add_loader("plateau", demo.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.jobs.add_job(
            registry.Job(
                "plateau_training_reminders",
                "plateau_training_reminders",
                "*-*-* 09:00:00",
                "Rappels de formation VHSS (Plateau)",
                86400,
            )
        )
        registry.jobs.add_job(
            registry.Job(
                name="plateau_notice_digest",
                command="plateau_notice_digest",
                every="*-*-* 18:00:00",
                description="Résumé quotidien des propositions du Plateau coopératif",
                interval_seconds=86400,
            )
        )
