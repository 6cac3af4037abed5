"""What partners puts on the admin home: follow-ups due, and the requests waiting for an answer."""

from django.urls import reverse

from raccord.core.dashboard import DashboardPanel
from raccord.core.registry import RequestSource

from .models import CoachingRequest, Interaction, PartnershipInquiry, RequestStatus


def follow_ups(limit: int = 10) -> list[Interaction]:
    """Next steps due within a week or late, with who owns them."""
    due = Interaction.objects.due(within_days=7)
    return list(due.select_related("organisation", "contact", "owner")[:limit])


class FollowUpsPanel(DashboardPanel):
    name = "raccord_follow_ups"
    template_name = "partners/admin/panels/follow_ups.html"

    def get_panel_context(self) -> dict:
        return {"follow_ups": follow_ups()}


INQUIRIES = RequestSource(
    "Demandes de partenariat",
    new_items=lambda: PartnershipInquiry.objects.filter(status=RequestStatus.NEW),
    admin_url=lambda: reverse("partnershipinquiry:index"),
)
COACHING_REQUESTS = RequestSource(
    "Demandes de formation et d’accompagnement",
    new_items=lambda: CoachingRequest.objects.filter(status=RequestStatus.NEW),
    admin_url=lambda: reverse("coachingrequest:index"),
)
