"""Partners' keys point at people.Organisation, then partners forgets the two moved models.

State only (decision 0015): the tables stay, with their rows and constraints; people now owns
them. Runs after every other app has retargeted its keys.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("films", "0003_organisations_in_people"),
        ("partners", "0003_default_partnership_kinds"),
        ("people", "0004_organisations_in_people"),
        ("residencies", "0005_organisations_in_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="coachingrequest",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="coaching_requests", to="people.organisation", verbose_name="structure"),
                ),
                migrations.AlterField(
                    model_name="interaction",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="interactions", to="people.organisation", verbose_name="organisation"),
                ),
                migrations.AlterField(
                    model_name="partnershipinquiry",
                    name="organisation",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="inquiries", to="people.organisation", verbose_name="organisation"),
                ),
                migrations.AlterField(
                    model_name="partnershipinquiry",
                    name="offers",
                    field=models.ManyToManyField(blank=True, related_name="inquiries", to="people.partnershipkind", verbose_name="ce qui est proposé"),
                ),
                migrations.DeleteModel(name="Organisation"),
                migrations.DeleteModel(name="PartnershipKind"),
            ],
        ),
    ]
