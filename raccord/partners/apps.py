from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "raccord.partners"
    label = "partners"
    verbose_name = "Partenaires"
