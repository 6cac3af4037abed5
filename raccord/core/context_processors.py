"""Template context every page needs."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import identity


def site(request):
    # Only a visitor who already has a session may see per-user bits (userbar, messages, CSRF
    # token); reading the session for anyone else would add `Vary: Cookie` and break caching.
    return {
        "has_session": settings.SESSION_COOKIE_NAME in request.COOKIES,
        "SITE_URL": settings.RACCORD_SITE_URL,
        # The collective's name, logo, colours…: read only by the templates that name it.
        "collective": SimpleLazyObject(lambda: identity.for_request(request)),
    }
