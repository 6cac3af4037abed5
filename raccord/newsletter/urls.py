"""Non-page URLs of the infolettre, mounted at the site root before Wagtail's page tree.

`/infolettre/` itself is a Wagtail page (NewsletterPage) created by demo.py.
"""

from anymail.webhooks.brevo import BrevoTrackingWebhookView
from anymail.webhooks.mailjet import MailjetTrackingWebhookView
from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("infolettre/inscription/", views.SignupView.as_view(), name="signup"),
    path("infolettre/inscription/merci/", views.thanks, name="thanks"),
    path("infolettre/confirmer/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("infolettre/desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "infolettre/preferences/<str:token>/", views.PreferencesView.as_view(), name="preferences"
    ),
    path("infolettre/archives/", views.archives, name="archives"),
    path("infolettre/archives/<slug:slug>/", views.archive_detail, name="archive_detail"),
    path(
        "infolettre/webhooks/brevo/tracking/",
        views.webhook(BrevoTrackingWebhookView.as_view()),
        name="brevo_tracking",
    ),
    path(
        "infolettre/webhooks/mailjet/tracking/",
        views.webhook(MailjetTrackingWebhookView.as_view()),
        name="mailjet_tracking",
    ),
]
