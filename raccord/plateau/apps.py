from django.apps import AppConfig


class PlateauConfig(AppConfig):
    name = "raccord.plateau"
    label = "plateau"
    verbose_name = "Plateau coopératif"
