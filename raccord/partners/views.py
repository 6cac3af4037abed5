"""The public forms under the partners and trainings pages, through the public-form pipeline.

`PartnersConfig.ready()` mounts them on their pages (`registry.page_routes`), so the page
models never import them.
"""

from raccord.core.public_forms import PageFormView

from . import services
from .forms import CoachingRequestForm, PartnershipInquiryForm


class PartnerFormView(PageFormView):
    rate = "5/h"  # with an ALTCHA proof
    strict_rate = "3/h"  # without one (no JavaScript)
    address_field = "email"  # we answer by mail: at most three sends an hour per address
    errors = (services.PartnershipError,)
    thanks_route: str

    def service_kwargs(self, form) -> dict:
        """The form's own fields, named as the service names them."""
        data = {name: form.cleaned_data[name] for name in self.form_class.base_fields}
        data["organisation_name"] = data.pop("organisation")
        return data

    def get_success_url(self, result) -> str:
        return self.page.url + self.page.reverse_subpage(self.thanks_route)


class PartnershipInquiryView(PartnerFormView):
    """`/partenaires/devenir-partenaire/`: an organisation proposes to work with the collective."""

    form_class = PartnershipInquiryForm
    template_name = "partners/inquiry_page.html"
    scope = "partners.inquiry"
    thanks_route = "inquiry_thanks"

    def act(self, form):
        return services.submit_inquiry(**self.service_kwargs(form))


class CoachingRequestView(PartnerFormView):
    """`/formations/`: the trainings page itself, with its request form."""

    form_class = CoachingRequestForm
    template_name = None  # the page's own template
    scope = "partners.coaching"
    thanks_route = "thanks"

    def act(self, form):
        return services.submit_coaching_request(**self.service_kwargs(form))
