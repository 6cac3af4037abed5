from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "raccord.people"
    label = "people"
    verbose_name = "Personnes"
