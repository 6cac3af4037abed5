"""Load the CNC fiction parity grid as the default, once (the team edits it afterwards)."""

import datetime

from django.db import migrations


def load_grid(apps, schema_editor):
    from raccord.residencies.parity import (
        DEFAULT_FICTION_GRID,
        DEFAULT_FICTION_SOURCE,
        DEFAULT_FICTION_THRESHOLD,
    )

    ParityGrid = apps.get_model("residencies", "ParityGrid")
    ParityPost = apps.get_model("residencies", "ParityPost")
    if ParityGrid.objects.filter(kind="fiction").exists():
        return
    grid = ParityGrid.objects.create(
        name="Bonus parité CNC — fiction",
        kind="fiction",
        threshold=DEFAULT_FICTION_THRESHOLD,
        source_note=DEFAULT_FICTION_SOURCE,
        effective_date=datetime.date(2019, 1, 1),
        is_default=True,
    )
    for order, (code, label, points) in enumerate(DEFAULT_FICTION_GRID):
        ParityPost.objects.create(
            grid=grid, code=code, label=label, points=points, sort_order=order
        )


class Migration(migrations.Migration):
    dependencies = [("residencies", "0001_initial")]

    operations = [migrations.RunPython(load_grid, migrations.RunPython.noop)]
