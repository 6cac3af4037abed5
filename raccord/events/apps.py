from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "raccord.events"
    label = "events"
    verbose_name = "Soirées"
