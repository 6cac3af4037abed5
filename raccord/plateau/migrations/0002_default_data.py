from decimal import Decimal

from django.db import migrations


def add_defaults(apps, schema_editor):
    from raccord.plateau.defaults import EMISSION_FACTORS, LISTENING_SERVICES

    EmissionFactor = apps.get_model("plateau", "EmissionFactor")
    ListeningService = apps.get_model("plateau", "ListeningService")
    for code, heading, label, unit, value, source, estimate, order in EMISSION_FACTORS:
        EmissionFactor.objects.get_or_create(
            code=code,
            defaults={
                "heading": heading,
                "label": label,
                "unit": unit,
                "kg_co2e_per_unit": Decimal(value),
                "source": source,
                "is_estimate": estimate,
                "order": order,
            },
        )
    for name, description, phone, email, url, order in LISTENING_SERVICES:
        ListeningService.objects.get_or_create(
            production=None,
            name=name,
            defaults={
                "description": description,
                "phone": phone,
                "email": email,
                "url": url,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("plateau", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
