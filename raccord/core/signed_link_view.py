"""The one view for pages opened from a signed link in a mail: GET shows a button, POST acts.

Mail scanners follow links; they do not press buttons. A tampered or expired link answers 400
with the reason in French and does nothing. These pages are personal: never cached, never
indexed, and they send no referrer. The signed token is what protects them, so they carry no
honeypot nor ALTCHA (the public-form pipeline is for forms anyone may send); their POSTs are
still counted per client address.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.template.response import TemplateResponse
from django.views import View

from .page_cache import mark_personal
from .protection import client_ip, hit, too_many_requests
from .public_forms import parse_rate
from .signed_links import BadLink


class SignedLinkView(View):
    """Subclass, declare the templates, implement `read(token)` and `act(target)`."""

    template_name: ClassVar[str]  # the page with the button
    bad_link_template: ClassVar[str]  # gets `error`, answered with 400
    scope: ClassVar[str] = ""  # rate-limit bucket; defaults to the view's dotted path
    rate: ClassVar[str] = "30/h"  # POSTs per client address
    http_method_names = ["get", "head", "post"]

    def read(self, token: str) -> Any:
        """What the link points to; raise BadLink (with a French message) when it cannot."""
        raise NotImplementedError

    def act(self, target: Any):
        """The POST: do what the button says and return the response."""
        raise NotImplementedError

    def get_context_data(self, **context) -> dict:
        return context

    def render(self, template: str, context: dict, status: int = 200):
        return TemplateResponse(self.request, template, context, status=status)

    def bad_link(self, error: BadLink):
        return self.render(self.bad_link_template, {"error": str(error)}, status=400)

    def dispatch(self, request, *args, token: str = "", **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request)
        if request.method == "POST" and not self._within_rate():
            return too_many_requests(request)
        self.token = token
        try:
            target = self.read(token)
        except BadLink as error:
            response = self.bad_link(error)
        else:
            if request.method == "POST":
                response = self.act(target)
            else:
                context = self.get_context_data(target=target, token=token)
                response = self.render(self.template_name, context)
        mark_personal(response)  # Cache-Control: private, no-store
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"  # keeps the Origin its forms send
        return response

    def _within_rate(self) -> bool:
        count, period = parse_rate(self.rate)
        scope = self.scope or f"{type(self).__module__}.{type(self).__qualname__}"
        return hit(scope, client_ip(self.request), limit=count, period=period)
