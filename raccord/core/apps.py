from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "raccord.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import page_cache

        page_cache.connect_signals()
