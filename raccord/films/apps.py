from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "raccord.films"
    label = "films"
    verbose_name = "Films et diffusion"
