"""What residencies put on the admin home: the applications no one has decided on yet."""

from django.urls import reverse

from raccord.core.registry import RequestSource

from .models import Application

APPLICATIONS = RequestSource(
    "Candidatures aux résidences",
    new_items=lambda: Application.objects.filter(status=Application.Status.SUBMITTED),
    admin_url=lambda: reverse("residences_candidatures:index"),
)
