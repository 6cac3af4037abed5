"""What people puts on the admin home: the contact form's messages still to answer."""

from django.urls import reverse

from raccord.core.registry import RequestSource

from .models import ContactMessage

CONTACT_MESSAGES = RequestSource(
    "Messages reçus",
    new_items=ContactMessage.objects.unhandled,
    admin_url=lambda: reverse("contact_messages:index"),
)
