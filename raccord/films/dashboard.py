"""What films puts on the admin home: the screening and exhibition requests still new."""

from django.urls import reverse

from raccord.core.registry import RequestSource

from .models import ScreeningRequest

SCREENING_REQUESTS = RequestSource(
    "Demandes de projection et d’exposition",
    new_items=lambda: ScreeningRequest.objects.filter(status=ScreeningRequest.Status.NEW),
    admin_url=lambda: reverse("films_requests:index"),
)
