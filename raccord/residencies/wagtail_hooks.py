"""Admin wiring: one "Résidences" menu a volunteer understands."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ParityGrid


class ParityGridViewSet(SnippetViewSet):
    model = ParityGrid
    icon = "table"
    menu_label = "Grilles de parité"
    list_display = ["name", "kind", "threshold", "effective_date", "is_default"]
    list_filter = ["kind"]


class ResidencyGroup(SnippetViewSetGroup):
    menu_label = "Résidences"
    menu_icon = "group"
    menu_order = 250
    items = [ParityGridViewSet]


register_snippet(ResidencyGroup)
