"""The one pipeline every public form goes through.

A public form declares its form class, its template and the service it calls (`act`); the
pipeline owns what every form shares, so a change to the defences is one change, tested once:

1. a honeypot field added to every form: filled, the visitor gets the success answer and
   nothing is stored;
2. ALTCHA as a signal, not a gate: a valid proof of work counts the POST against `rate`, no
   proof (no JavaScript, or a bot) against the stricter `strict_rate`, so the form still works
   without JavaScript;
3. a per-IP rate limit (429 page in French), and for forms that mail an address a per-address
   limit (`address_field`, `address_rate`): over it, the same answer and nothing is done, so
   nobody can use the site to flood someone's mailbox;
4. one double-submit rule: the same submission within `duplicate_window` seconds acts once;
5. 400 with the errors on invalid input or a domain error; 303 to the success page after
   success. With `neutral = True` the success page never depends on what the service found.

The Origin check of sessionless POSTs is done earlier, for every view, by
`core.middleware.AnonymousFormMiddleware` (docs/decisions/0002-anonymous-forms-csrf.md).
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import wraps
from typing import Any, ClassVar

from django import forms
from django.core.cache import cache
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views import View

from . import altcha
from .protection import HONEYPOT_FIELD, HoneypotField, client_ip, hit, too_many_requests

logger = logging.getLogger(__name__)

_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Fields that say how a form was sent, not what it says: left out of the double-submit digest.
_TRANSPORT_FIELDS = {HONEYPOT_FIELD, altcha.FIELD_NAME, "csrfmiddlewaretoken"}


def parse_rate(rate: str) -> tuple[int, int]:
    """'5/h' -> (5, 3600); '20/15m' -> (20, 900)."""
    match = _RATE.match(rate.replace(" ", ""))
    if not match:
        raise ValueError(f"Invalid rate {rate!r}: write it like '5/h' or '20/15m'.")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * _UNITS[unit]


def _strictest(rate: str) -> str:
    count, period = parse_rate(rate)
    return f"{max(count // 3, 2)}/{period}s"


class PublicFormView(View):
    """Subclass, declare what differs, implement `act(form)`; see the module docstring."""

    form_class: ClassVar[type[forms.Form]]
    template_name: ClassVar[str]
    scope: ClassVar[str] = ""  # rate-limit bucket; defaults to the view's dotted path
    rate: ClassVar[str] = "10/h"  # POSTs per client address with a valid ALTCHA proof
    strict_rate: ClassVar[str | None] = None  # without a proof; defaults to a third of `rate`
    address_field: ClassVar[str | None] = None  # form field holding an address we will mail
    address_rate: ClassVar[str] = "3/h"
    neutral: ClassVar[bool] = False  # True where an answer could tell whether an address is known
    errors: ClassVar[tuple[type[Exception], ...]] = ()  # domain errors shown to the visitor
    success_url: ClassVar[str | None] = None
    duplicate_window: ClassVar[int] = 600
    http_method_names = ["get", "head", "post"]

    registry: ClassVar[list[type[PublicFormView]]] = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        PublicFormView.registry.append(cls)

    # --- what a form may override ----------------------------------------------------------

    def act(self, form: forms.Form) -> Any:
        """Call the service with the cleaned data; raise one of `errors` to show a message."""
        raise NotImplementedError

    def get_form_kwargs(self) -> dict:
        return {}

    def get_context_data(self, **context) -> dict:
        return context

    def get_template_names(self) -> list[str]:
        return [self.template_name]

    def get_success_url(self, result: Any) -> str:
        if self.success_url is None:
            raise NotImplementedError(f"{type(self).__name__} needs a success_url")
        return str(self.success_url)

    def render(self, context: dict, status: int = 200):
        return TemplateResponse(self.request, self.get_template_names(), context, status=status)

    # --- the pipeline ----------------------------------------------------------------------

    @classmethod
    def blank_form(cls, **attrs) -> forms.Form:
        """The empty form as the pipeline serves it (honeypot and ALTCHA included), for a page
        or a shared fragment that shows it outside this view: `RegisterView.blank_form(event=e)`
        sets `attrs` on a view instance, then asks `get_form()`."""
        view = cls()
        for name, value in attrs.items():
            setattr(view, name, value)
        return view.get_form()

    def get_form(self, data=None, files=None) -> forms.Form:
        form = self.form_class(data, files, **self.get_form_kwargs())
        form.fields[HONEYPOT_FIELD] = HoneypotField()
        form.fields[altcha.FIELD_NAME] = altcha.AltchaField()
        return form

    def get(self, request, *args, **kwargs):
        return self.render(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        proof = altcha.verify(request.POST.get(altcha.FIELD_NAME, ""))
        if not self._within_rate(proof):
            return too_many_requests(request)
        form = self.get_form(request.POST, request.FILES)
        if request.POST.get(HONEYPOT_FIELD):
            return self._success(None)  # a bot learns nothing; nothing is stored
        if not form.is_valid():
            return self.render(self.get_context_data(form=form), status=400)
        if self.address_field and not self._address_within_rate(form):
            return self._success(None)
        duplicate_key = self._duplicate_key(form)
        if not cache.add(duplicate_key, 1, timeout=self.duplicate_window):
            return self._success(None)
        try:
            result = self.act(form)
        except self.errors as error:
            cache.delete(duplicate_key)
            form.add_error(None, str(error))
            return self.render(self.get_context_data(form=form), status=400)
        except Exception:
            cache.delete(duplicate_key)
            raise
        return self._success(result)

    def _success(self, result):
        url = self.get_success_url(None if self.neutral else result)
        return HttpResponseRedirect(url, status=303)

    def _scope(self) -> str:
        return self.scope or f"{type(self).__module__}.{type(self).__qualname__}"

    def _within_rate(self, proof: bool) -> bool:
        if proof:
            count, period = parse_rate(self.rate)
            return hit(self._scope(), client_ip(self.request), limit=count, period=period)
        count, period = parse_rate(self.strict_rate or _strictest(self.rate))
        return hit(self._scope() + ":strict", client_ip(self.request), limit=count, period=period)

    def _address_within_rate(self, form) -> bool:
        address = str(form.cleaned_data.get(self.address_field) or "").strip().lower()
        if not address:
            return True
        count, period = parse_rate(self.address_rate)
        return hit(self._scope() + ":address", address, limit=count, period=period)

    def _duplicate_key(self, form) -> str:
        items = sorted(
            (key, value)
            for key in self.request.POST
            if key not in _TRANSPORT_FIELDS
            for value in self.request.POST.getlist(key)
        )
        files = sorted((key, f.name, f.size) for key, f in self.request.FILES.items())
        raw = repr((self._scope(), self.kwargs, items, files)).encode()
        return "pf:dup:" + hashlib.sha256(raw).hexdigest()


class PageFormView(PublicFormView):
    """A public form shown on (or under) a Wagtail page: renders with the page's context.

    Mounted on the page with `registry.page_routes.add_route(...)` (see core.models.RoutedPage),
    so the page model never imports its view or form.
    """

    page: Any = None

    def setup(self, request, *args, page=None, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = page

    def get_context_data(self, **context) -> dict:
        base = self.page.get_context(self.request)
        base.update(context)
        return base

    def get_template_names(self) -> list[str]:
        template = getattr(self, "template_name", None)
        return [template] if template else [self.page.get_template(self.request)]

    @classmethod
    def as_page_view(cls, **initkwargs):
        """A callable for a page route: Wagtail calls it as a method of the page."""
        view = cls.as_view(**initkwargs)

        def page_view(page, request, *args, **kwargs):
            return view(request, *args, page=page, **kwargs)

        page_view.view_class = cls
        return page_view


def page_read_view(view):
    """For a page sub-view that only shows something (a thanks page, a comic plate): any method
    but GET and HEAD gets 405, and the mark lets the test of every public form tell it apart
    from a form that skipped the pipeline."""

    @wraps(view)
    def read_only_view(page, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(page, request, *args, **kwargs)

    read_only_view.read_only = True
    return read_only_view
