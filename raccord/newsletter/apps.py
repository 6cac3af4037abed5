from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "raccord.newsletter"
    label = "newsletter"
    verbose_name = "Infolettre"
