"""Defences shared by every public form: honeypot, per-IP rate limit, Origin check.

Anonymous public forms do without a per-visitor CSRF token so that their pages stay
cacheable: `AnonymousFormMiddleware` lets Django check CSRF on every request that carries a session
cookie and only the Origin on the others (docs/decisions/0002-anonymous-forms-csrf.md).
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

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
    """The visitor's address; behind nginx, the last hop it added to X-Forwarded-For."""
    proxies = getattr(settings, "RACCORD_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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
    origin = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not origin or origin == "null":
        return True  # old browsers and privacy tools send neither; other defences remain
    host = urlsplit(origin).netloc
    trusted = {urlsplit(o).netloc for o in settings.CSRF_TRUSTED_ORIGINS}
    return host == request.get_host() or host in trusted


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
