"""Security headers: a strict CSP for the public site, Wagtail's needs for the admin only."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

from .protection import is_cross_origin_endpoint, same_origin

ADMIN_PREFIXES = ("/admin/",)


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(ADMIN_PREFIXES) and parts.config is None:
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.RACCORD_PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class AnonymousFormMiddleware:
    """CSRF protects what a visitor's cookies authorise; a sessionless POST authorises nothing.

    Placed just before Django's CsrfViewMiddleware: requests without a session cookie outside
    the admin are checked for their Origin only and marked as processed, so public pages need no
    per-visitor token and stay cacheable. Everything else gets Django's full CSRF check, except
    the views declared with `protection.cross_origin_endpoint`, which authenticate themselves.
    See docs/decisions/0002-anonymous-forms-csrf.md and docs/security.md.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_cross_origin_endpoint(callback):
            return None  # csrf_exempt too: Django's check skips it
        if (
            request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(ADMIN_PREFIXES)
        ):
            if not same_origin(request):
                from .views import csrf_failure

                return csrf_failure(request, reason="Origin does not match the site.")
            request.csrf_processing_done = True
        return None
