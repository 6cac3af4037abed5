"""Residency partners and funding sources point at people.Organisation (same tables; decision 0015)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_organisations_in_people"),
        ("residencies", "0004_values_in_english"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="fundingsource",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="residency_funding", to="people.organisation", verbose_name="organisation"),
                ),
                migrations.AlterField(
                    model_name="residencypage",
                    name="partners",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="residencies", to="people.organisation", verbose_name="partenaires"),
                ),
            ],
        ),
    ]
