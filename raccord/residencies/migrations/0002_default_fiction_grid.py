"""Load the CNC fiction parity grid as the default, once (the team edits it afterwards)."""

from django.db import migrations


def load_grid(apps, schema_editor):
    from raccord.residencies.parity import ensure_default_grid

    ensure_default_grid(
        apps.get_model("residencies", "ParityGrid"), apps.get_model("residencies", "ParityPost")
    )


class Migration(migrations.Migration):
    dependencies = [("residencies", "0001_initial")]

    operations = [migrations.RunPython(load_grid, migrations.RunPython.noop)]
