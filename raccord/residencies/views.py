"""Public views under a residency page: the application form of its call and the thanks page.

Mounted on `ResidencyPage` by `apps.py` (registry.page_routes), so the model never imports them.
The defences of the form (honeypot, ALTCHA, rate limits, double submit) are the pipeline's
(core/public_forms.py); the work is `services.apply`.
"""

from django.template.response import TemplateResponse

from raccord.core.public_forms import PageFormView, page_read_view

from . import services
from .forms import ApplicationForm


class ApplicationView(PageFormView):
    """`candidater/`: apply to the residency's open call; a second send changes nothing."""

    form_class = ApplicationForm
    template_name = "residencies/apply.html"
    rate = "8/h"  # enough to fix a typo or two, not to flood
    # A long form: without JavaScript (no ALTCHA proof), still room for a few corrections.
    strict_rate = "4/h"
    address_field = "email"  # the acknowledgement goes there
    neutral = True  # a known address answers as a new one; its owner gets a mail
    errors = (services.ResidencyError,)

    def dispatch(self, request, *args, **kwargs):
        self.call = self.page.current_call()
        if self.call is None:
            return self.render(self.get_context_data(), status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {"call": self.call}

    def get_context_data(self, **context) -> dict:
        # The form page needs the residency and its call, not the whole page's context.
        return {"page": self.page, "self": self.page, "call": self.call, **context}

    def act(self, form):
        return services.apply(
            self.call, source=self.request.build_absolute_uri(), **form.service_kwargs()
        )

    def get_success_url(self, result) -> str:
        return self.page.url + "candidater/merci/"


@page_read_view
def application_thanks(page, request):
    """`candidater/merci/`: where the form leads after a send (or a bot's)."""
    return TemplateResponse(
        request,
        "residencies/apply_thanks.html",
        {"page": page, "self": page, "call": page.current_call()},
    )
