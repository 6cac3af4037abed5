"""Admin pages of the site itself: the list of admin login lockouts, with an unlock button."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockouts


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """Who cannot log in right now after too many failures, and a button to let them in again.

    The admin keeps Django's CSRF check (the team's session), so the POST cannot be forged.
    """

    template_name = "core/admin/lockouts.html"
    page_title = "Connexions bloquées"
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(lockouts.UNLOCK_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            lockouts=lockouts.current_lockouts(),
            limit=settings.AXES_FAILURE_LIMIT,
            cool_off_minutes=int(get_cool_off().total_seconds() // 60),
        )
        return context

    def post(self, request):
        username = request.POST.get("username", "")
        ip_address = request.POST.get("ip_address", "")
        if lockouts.unlock(username=username, ip_address=ip_address, by=request.user):
            messages.success(
                request, f"« {username} » peut de nouveau se connecter depuis {ip_address}."
            )
        else:
            messages.warning(request, "Ce blocage avait déjà été levé.")
        return redirect("core_lockouts")
