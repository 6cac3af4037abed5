"""`{% residency_support %}`: the "Soutenir la prochaine résidence" block, for any page."""

from django import template

from raccord.residencies.models import ResidencyPage, support_context

register = template.Library()


@register.inclusion_tag("residencies/_support.html", takes_context=True)
def residency_support(context, residency=None):
    """Shows the block for `residency`, or for the residency marked to be supported."""
    residency = residency or ResidencyPage.next_to_support()
    return support_context(residency, context.get("request"))
