"""The admin listings' CSV and XLSX exports, written by the project's one CSV writer (core/exports.py).

Wagtail's `list_export` writes comma-separated UTF-8 without a BOM, stored codes instead of
French labels, `True`/`False`, UTC times with their offset, and puts what visitors typed in the
cells as is. Every viewset with `list_export` takes `FrenchExports` first in its bases; a test walks
the registered viewsets to keep it so.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import FieldDoesNotExist
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

from . import exports


def choice_label(item, path: str):
    """The French label of a field with choices (`status` → « Confirmée »), else None."""
    owner_path, _, name = path.rpartition(".")
    owner = multigetattr(item, owner_path) if owner_path else item
    if owner is None or not hasattr(owner, "_meta"):
        return None
    try:
        field = owner._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if not getattr(field, "choices", None):
        return None
    return getattr(owner, f"get_{field.name}_display")()


class FrenchSpreadsheetExportMixin(SpreadsheetExportMixin):
    """An index view's export as a French spreadsheet expects it, with no cell that could run."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # Wagtail writes naive UTC; a volunteer reads the time of the soirée, in Paris.
        datetime.datetime: {SpreadsheetExportMixin.FORMAT_XLSX: exports.local_time},
    }

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field in row:
            label = choice_label(item, field)
            if label is not None:
                row[field] = label
        return row

    def preprocess_field_value(self, field, value, export_format):
        if export_format != self.FORMAT_CSV:
            return super().preprocess_field_value(field, value, export_format)
        custom = self.custom_field_preprocess.get(field, {}).get(self.FORMAT_CSV)
        return exports.cell(custom(value) if custom else value)

    def write_csv_response(self, queryset):
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [self.preprocess_field_value(f, v, self.FORMAT_CSV) for f, v in row.items()]
            for row in map(self.to_row_dict, queryset)
        )
        return exports.csv_stream(self.get_filename(), header, rows)


class FrenchExports:
    """Viewset mixin (first in the bases): its listing exports through `FrenchSpreadsheetExportMixin`.

    Works for ModelViewSet and SnippetViewSet alike, whatever index view they use.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        base = self.index_view_class
        if not issubclass(base, FrenchSpreadsheetExportMixin):
            self.index_view_class = type(base.__name__, (FrenchSpreadsheetExportMixin, base), {})
