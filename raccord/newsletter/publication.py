"""Where a sent campaign is published: the pages to purge (registry.purge), the sitemap."""

from django.urls import reverse

from .models import Campaign, NewsletterPage


def campaign_paths(campaign) -> list[str]:
    return [reverse("newsletter:archives"), campaign.get_absolute_url(), "/sitemap.xml"]


def newsletter_pages(campaign):
    return NewsletterPage.objects.live()  # it lists the three latest campaigns


def sitemap_items() -> list[tuple[str, object]]:
    """The archives and each campaign published there, with the date it was sent."""
    campaigns = list(Campaign.objects.archived().only("slug", "sent_at"))
    latest = campaigns[0].sent_at if campaigns else None
    return [(reverse("newsletter:archives"), latest)] + [
        (campaign.get_absolute_url(), campaign.sent_at) for campaign in campaigns
    ]
