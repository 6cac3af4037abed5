from django.apps import AppConfig


class ResidenciesConfig(AppConfig):
    name = "raccord.residencies"
    label = "residencies"
    verbose_name = "Résidences"
