"""`{% residency_support %}`: the "Soutenir la prochaine résidence" block, for any page."""

from django import template
from django.conf import settings

register = template.Library()


def donation_url(request=None) -> str:
    """The collective's donation page: the site setting if filled, else the deployment's."""
    from wagtail.models import Site

    from raccord.core.models import SiteSettings

    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        url = SiteSettings.for_site(site).donation_url
        if url:
            return url
    return settings.RACCORD_DONATION_URL


def support_context(residency, request=None) -> dict:
    if residency is None:
        return {"support": None}
    return {
        "support": residency,
        "totals": residency.funding_totals(),
        "donation_url": donation_url(request),
    }


@register.inclusion_tag("residencies/_support.html", takes_context=True)
def residency_support(context, residency=None):
    """Shows the block for `residency`, or for the residency marked to be supported."""
    from raccord.residencies.models import ResidencyPage

    residency = residency or ResidencyPage.next_to_support()
    return support_context(residency, context.get("request"))
