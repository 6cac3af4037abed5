"""Organisations and partnership kinds move from partners to people (decision 0015).

State only: the tables keep their names (`partners_organisation`, `partners_partnershipkind`,
`partners_organisation_partnership_kinds`) and their rows. The content types are renamed, so
revisions, log entries, index rows and permissions keep pointing at them. films, residencies
and partners then retarget their keys, and partners forgets the two models.
"""

import django.db.models.deletion
from django.db import migrations, models

from raccord.core.migration_tools import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("partners", "0003_default_partnership_kinds"),
        ("people", "0003_default_roles"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PartnershipKind",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(max_length=60, unique=True, verbose_name="identifiant")),
                        ("name", models.CharField(max_length=80, verbose_name="nature")),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="ordre")),
                    ],
                    options={
                        "verbose_name": "nature de partenariat",
                        "verbose_name_plural": "natures de partenariat",
                        "db_table": "partners_partnershipkind",
                        "ordering": ["sort_order", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="nom")),
                        ("slug", models.SlugField(blank=True, max_length=200, unique=True, verbose_name="identifiant")),
                        ("kind", models.CharField(choices=[("ecole", "École"), ("syndicat", "Syndicat"), ("collectif", "Collectif"), ("festival", "Festival"), ("lieu", "Lieu"), ("media", "Média"), ("financeur_public", "Financeur public"), ("fondation", "Fondation"), ("entreprise", "Entreprise"), ("association", "Association"), ("autre", "Autre")], default="autre", max_length=30, verbose_name="type")),
                        ("website", models.URLField(blank=True, verbose_name="site web")),
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="ville")),
                        ("stage", models.CharField(choices=[("prospect", "Prospect"), ("discussion", "En discussion"), ("actif", "Partenaire actif"), ("ancien", "Ancien partenaire")], default="prospect", max_length=20, verbose_name="relation")),
                        ("is_public", models.BooleanField(default=False, verbose_name="affiché sur le site")),
                        ("description", models.TextField(blank=True, verbose_name="présentation")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="créée le")),
                        ("circle", models.CharField(choices=[("partenaire", "Partenaire"), ("compagnon", "Collectif compagnon")], default="partenaire", help_text="Sur la page publique : partenaires d’un côté, collectifs compagnons de l’autre.", max_length=20, verbose_name="cercle")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail générique")),
                        ("notes", models.TextField(blank=True, verbose_name="notes de l’équipe")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="mise à jour le")),
                        ("logo", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="logo")),
                        ("partnership_kinds", models.ManyToManyField(blank=True, related_name="organisations", to="people.partnershipkind", verbose_name="natures du partenariat")),
                    ],
                    options={
                        "verbose_name": "organisation",
                        "verbose_name_plural": "organisations",
                        "db_table": "partners_organisation",
                        "ordering": ["name"],
                    },
                ),
                migrations.AlterField(
                    model_name="membership",
                    name="organisation",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="memberships", to="people.organisation", verbose_name="organisation"),
                ),
            ],
        ),
        move_content_types("partners", "people", "organisation", "partnershipkind"),
    ]
