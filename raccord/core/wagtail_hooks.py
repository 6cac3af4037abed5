"""Admin wiring for the site's own tools: the admin home's registered panels, and the list of
admin login lockouts (Paramètres → Connexions bloquées)."""

from django.contrib.auth.models import Permission
from django.db import models
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class

from . import lockouts, registry
from .admin_display import readable
from .admin_views import LockoutsView

# --- Admin login lockouts (core/lockouts.py) ---------------------------------------------------


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("connexions-bloquees/", LockoutsView.as_view(), name="core_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(lockouts.UNLOCK_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        "Connexions bloquées",
        reverse("core_lockouts"),
        name="lockouts",
        icon_name="lock",
        order=950,
    )


@hooks.register("register_permissions")
def register_lockout_permissions():
    """Lets a group of the team lift lockouts (Paramètres → Groupes: « access attempt »)."""
    app_label, codename = lockouts.UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


# --- admin home -------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_registered_panels(request, panels):
    """The panels the apps registered (core/dashboard.py), placed among Wagtail's by `order`."""
    for entry in registry.dashboard:
        panel = entry.component(request)
        if panel is not None:
            panel.order = entry.order
            panels.append(panel)


# --- values read in inspect views ---------------------------------------------------------------
# Wagtail's inspect template formats values with `|localize`, which turns a time into text before
# Django can move it to the current time zone: the page showed UTC. These read as the rest of the
# admin does (core.admin_display): « 9 mars 2025 à 18:05 » in Paris time, Oui/Non, « — ».


class ReadableDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        return readable(self.value)


register_display_class(models.DateTimeField, display_class=ReadableDisplay)
register_display_class(models.DateField, display_class=ReadableDisplay)
register_display_class(models.BooleanField, display_class=ReadableDisplay)


# --- Page cache (core/page_cache.py) ------------------------------------------------------------


@hooks.register("before_serve_page")
def declare_page_query_params(page, request, serve_args, serve_kwargs):
    """A page type's `cache_params` are the query parameters its pages read; the cache drops
    every other one, so a made-up parameter is served from the cache like the bare path."""
    from . import page_cache

    page_cache.use_params(request, getattr(page, "cache_params", ()))
