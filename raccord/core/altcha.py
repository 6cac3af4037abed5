"""ALTCHA: a self-hosted proof of work, used by every public form as a signal, not a gate.

The widget (served from our own static files, no third party, no cookie) solves a PBKDF2
challenge in a Web Worker when the visitor submits. The public-form pipeline
(core/public_forms.py) checks the solution: a valid one counts the POST against the form's
normal rate limit; none (no JavaScript, or a bot) against a stricter one. A visitor without
JavaScript can still send every form. Server-side checks use the `altcha` package's fast path (a
signed derived key), so verifying costs the server nothing; a solution is accepted once.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.views.decorators.cache import never_cache

ALGORITHM = "PBKDF2/SHA-256"
FIELD_NAME = "altcha"


def _secret(purpose: str) -> str:
    base = getattr(settings, "RACCORD_ALTCHA_SECRET", "") or settings.SECRET_KEY
    return hashlib.sha256(f"raccord-altcha:{purpose}:{base}".encode()).hexdigest()


def new_challenge() -> dict:
    """A signed challenge whose answer the server knows, so checking it costs nothing."""
    from altcha import create_challenge

    cost = int(getattr(settings, "RACCORD_ALTCHA_COST", 5_000))
    lifetime = int(getattr(settings, "RACCORD_ALTCHA_LIFETIME", 20 * 60))
    spread = int(getattr(settings, "RACCORD_ALTCHA_SPREAD", 1_500))  # how many tries, about
    challenge = create_challenge(
        algorithm=ALGORITHM,
        cost=cost,
        counter=secrets.randbelow(spread) + spread // 3,
        expires_at=int(time.time()) + lifetime,
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )
    return challenge.to_dict()


def verify(payload: str) -> bool:
    """True once per valid solution: a replayed payload is refused until it expires."""
    from altcha import verify_solution

    if not payload or len(payload) > 4096:
        return False
    try:
        result = verify_solution(payload, _secret("challenge"), hmac_key_secret=_secret("key"))
    except (ValueError, TypeError, KeyError):
        return False
    if not result.verified:
        return False
    lifetime = int(getattr(settings, "RACCORD_ALTCHA_LIFETIME", 20 * 60))
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return cache.add(f"altcha:used:{digest}", 1, timeout=lifetime + 60)


@never_cache
def challenge_view(request):
    return JsonResponse(new_challenge())


urlpatterns = [path("anti-robot/defi", challenge_view, name="altcha_challenge")]


class AltchaWidget(forms.Widget):
    """The <altcha-widget> element with its self-hosted script and stylesheet."""

    def render(self, name, value, attrs=None, renderer=None):
        try:
            challenge = reverse("altcha_challenge")
        except NoReverseMatch:  # endpoint not mounted: embed one (fine for uncached pages)
            challenge = json.dumps(new_challenge())
        return format_html(
            '<link rel="stylesheet" href="{}">'
            '<script type="module" src="{}"></script>'
            '<altcha-widget name="{}" challenge="{}" language="fr-fr" auto="onsubmit"'
            ' id="{}"></altcha-widget>',
            static("core/altcha/altcha.css"),
            static("core/altcha/raccord-altcha.js"),
            name,
            challenge,
            (attrs or {}).get("id", f"id_{name}"),
        )

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class AltchaField(forms.CharField):
    """Optional and never an error: the pipeline reads the proof before the form is validated."""

    widget = AltchaWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Vérification anti-robot")
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        return ""
