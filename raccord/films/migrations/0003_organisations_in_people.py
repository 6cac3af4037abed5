"""Showings and screening requests point at people.Organisation (same table; decision 0015)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("films", "0002_values_in_english"),
        ("people", "0004_organisations_in_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="screeningrequest",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="screening_requests", to="people.organisation", verbose_name="organisation"),
                ),
                migrations.AlterField(
                    model_name="showing",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="showings", to="people.organisation", verbose_name="organisation"),
                ),
            ],
        ),
    ]
