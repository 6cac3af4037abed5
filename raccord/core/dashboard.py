"""The admin home: the panels apps register, and one panel for every kind of new request.

Core knows no app. Each app adds, in its `ready()`, its panels (`registry.dashboard`) and the
kinds of requests that arrive from the public site (`registry.requests`), each saying what "new"
means for it; core's `wagtail_hooks` puts the panels on Wagtail's admin home.
"""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from . import registry


class DashboardPanel(Component):
    """A panel of the admin home, made for one request: `registry.dashboard.add_panel(...)`."""

    template_name: str

    def __init__(self, request):
        self.request = request

    def get_panel_context(self) -> dict:
        return {}

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context.get("request", self.request)
        context["csrf_token"] = parent_context.get("csrf_token")
        context.update(self.get_panel_context())
        return context


def new_requests(limit: int = 5) -> list[dict]:
    """For each registered kind of request: how many are new, and the latest few."""
    rows = []
    for source in registry.requests:
        new = source.new_items()
        latest = list(new.order_by(f"-{source.date_field}", "-pk")[:limit])
        rows.append(
            {
                "label": source.label,
                "count": new.count() if len(latest) == limit else len(latest),
                "items": [
                    {"text": source.describe(item), "date": getattr(item, source.date_field)}
                    for item in latest
                ],
                "url": source.admin_url(),
            }
        )
    return rows


class NewRequestsPanel(DashboardPanel):
    name = "raccord_new_requests"
    template_name = "core/admin/panels/new_requests.html"

    def get_panel_context(self) -> dict:
        return {"sources": new_requests()}
