from django.db import migrations


def add_defaults(apps, schema_editor):
    from raccord.plateau.defaults import ensure_defaults

    ensure_defaults(apps.get_model("plateau", "EmissionFactor"), apps.get_model("plateau", "ListeningService"))


class Migration(migrations.Migration):
    dependencies = [("plateau", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
