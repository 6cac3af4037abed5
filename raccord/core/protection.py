"""Defences shared by every public form: honeypot, per-IP rate limit, Origin check.

Anonymous public forms do without a per-visitor CSRF token so that their pages stay
cacheable: `AnonymousFormMiddleware` lets Django check CSRF on every request that carries a session
cookie and only the Origin on the others (docs/decisions/0002-anonymous-forms-csrf.md).
The few endpoints other sites must be able to POST to are declared with
`@cross_origin_endpoint`, and authenticate each request by their own means (docs/security.md).
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

HONEYPOT_FIELD = "site_web"


class HoneypotField(forms.CharField):
    """A field people never see nor fill (`components/form.html` hides it); bots fill it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Ne pas remplir ce champ")
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
        )
        super().__init__(**kwargs)


class HoneypotMixin(forms.Form):
    """A field people never see nor fill; bots that fill it are refused without a hint."""

    site_web = HoneypotField()

    def clean_site_web(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError("Envoi refusé.", code="honeypot")
        return ""

    @property
    def caught_by_honeypot(self) -> bool:
        return any(e.code == "honeypot" for e in self.errors.as_data().get(HONEYPOT_FIELD, []))


def client_ip(request) -> str:
    """The visitor's address; behind nginx, the last hop it added to X-Forwarded-For.

    Only the hops our own proxies appended are trusted (`RACCORD_TRUSTED_PROXY_COUNT`, counted
    from the right): whatever a client writes further left is ignored. Rate limits and the admin
    lockout (`AXES_CLIENT_IP_CALLABLE`) count by this address.
    """
    proxies = getattr(settings, "RACCORD_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies and _is_ip(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def hit(scope: str, key: str, *, limit: int, period: int) -> bool:
    """Count one hit in a fixed window; True while under the limit."""
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=period + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period + 5)
        count = 1
    return count <= limit


def too_many_requests(request):
    return render(request, "429.html", status=429)


def same_origin(request) -> bool:
    """False for a POST sent from another site, or from an opaque origin (`Origin: null`).

    Browsers send `Origin: null` from sandboxed frames, `data:` pages and pages whose
    Referrer-Policy is `no-referrer`: none of the site's own forms, so it is refused like a
    foreign origin (a sandboxed frame could otherwise log a victim in, or post in their name).
    """
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None and origin.strip().lower() == "null":
        return False
    origin = origin or request.META.get("HTTP_REFERER")
    if not origin:
        return True  # servers, old browsers and privacy tools send neither; other defences remain
    host = urlsplit(origin).netloc
    trusted = {urlsplit(o).netloc for o in settings.CSRF_TRUSTED_ORIGINS}
    return host == request.get_host() or host in trusted


def cross_origin_endpoint(view):
    """Declare a view that other sites may POST to: no Origin check, no CSRF token.

    Only for endpoints that authenticate each request by their own means (a signed token in the
    URL, a webhook secret, a signature, a re-fetch from the sender's API): RFC 8058 one-click
    unsubscribes sent by webmails, ESP webhooks. `AnonymousFormMiddleware` honours the mark;
    `csrf_exempt` alone does not lift the Origin check. Every such URL is listed in
    raccord/core/tests/test_cross_origin.py, so adding one is a visible decision.
    """
    view = csrf_exempt(view)
    view.cross_origin_endpoint = True
    return view


def is_cross_origin_endpoint(view) -> bool:
    return getattr(view, "cross_origin_endpoint", False) is True


def over_limit(request, scope: str, *, limit: int = 10, period: int = 3600) -> bool:
    """Count this POST against the visitor's address; True when it goes over the limit."""
    return request.method == "POST" and not hit(
        scope, client_ip(request), limit=limit, period=period
    )


def public_form(scope: str, *, limit: int = 10, period: int = 3600):
    """Rate-limit the POSTs of a view that handles a public form; answers 429 in French."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if over_limit(request, scope, limit=limit, period=period):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
