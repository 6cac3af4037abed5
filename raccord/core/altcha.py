"""ALTCHA: an optional, self-hosted proof of work on public forms (no third party, no cookie).

Off by default (the honeypot and the per-address rate limit are the first defences, and forms
keep working without JavaScript). When spam gets through, set ``RACCORD_ALTCHA=true``: every form
using ``AltchaMixin`` then shows the ALTCHA widget (served from our own static files) and refuses
a submission without a valid, unused solution. Usage::

    class SignupForm(AltchaMixin, HoneypotMixin, forms.Form): ...

and mount the challenge endpoint once (``urlpatterns`` below) in ``raccord/urls.py``:
``path("", include("raccord.core.altcha"))``. The widget solves a PBKDF2 challenge in a Web
Worker loaded from ``'self'``, so the strict CSP stays as it is. Server-side checks use the
`altcha` package's fast path (a signed derived key): verifying costs the server nothing.
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
MISSING = "Merci de cocher la case de vérification anti-robot avant d’envoyer."
INVALID = "La vérification anti-robot a échoué ou a expiré : cochez la case à nouveau."


def enabled() -> bool:
    return bool(getattr(settings, "RACCORD_ALTCHA", False))


def _secret(purpose: str) -> str:
    base = getattr(settings, "RACCORD_ALTCHA_SECRET", "") or settings.SECRET_KEY
    return hashlib.sha256(f"raccord-altcha:{purpose}:{base}".encode()).hexdigest()


def new_challenge() -> dict:
    """A signed challenge whose answer the server knows, so checking it costs nothing."""
    from altcha import create_challenge

    cost = int(getattr(settings, "RACCORD_ALTCHA_COST", 5_000))
    lifetime = int(getattr(settings, "RACCORD_ALTCHA_LIFETIME", 20 * 60))
    challenge = create_challenge(
        algorithm=ALGORITHM,
        cost=cost,
        counter=secrets.randbelow(1_500) + 500,
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
            ' id="{}"></altcha-widget>'
            "<noscript><p>Ce formulaire vérifie que vous n’êtes pas un robot grâce à un "
            "petit calcul fait par votre navigateur : activez JavaScript pour l’envoyer, ou "
            "écrivez-nous à {}.</p></noscript>",
            static("core/altcha/altcha.css"),
            static("core/altcha/raccord-altcha.js"),
            name,
            challenge,
            (attrs or {}).get("id", f"id_{name}"),
            settings.RACCORD_TEAM_EMAIL,
        )

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class AltchaField(forms.CharField):
    widget = AltchaWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Vérification anti-robot")
        kwargs.setdefault("error_messages", {"required": MISSING})
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if not verify(value):
            raise forms.ValidationError(INVALID, code="altcha")


class AltchaMixin(forms.Form):
    """Adds the ALTCHA field to a public form when the RACCORD_ALTCHA setting is on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if enabled():
            self.fields[FIELD_NAME] = AltchaField()
