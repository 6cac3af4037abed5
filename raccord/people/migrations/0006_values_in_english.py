"""Stored codes in English (French labels unchanged); rows converted both ways."""

from django.db import migrations, models

from raccord.core.migration_tools import rename_values


ORGANISATION_KIND = {
    "ecole": "school",
    "syndicat": "union",
    "collectif": "collective",
    "lieu": "venue",
    "financeur_public": "public_funder",
    "fondation": "foundation",
    "entreprise": "company",
    "autre": "other",
}
STAGE = {"actif": "active", "ancien": "former"}
CIRCLE = {"partenaire": "partner", "compagnon": "companion"}
# Codes the code refers to (`add_roles(contact, "partner")`); names stay French.
ROLE_SLUG = {
    "technicien": "technician",
    "interprete": "performer",
    "partenaire": "partner",
    "spectateur": "spectator",
    "benevole": "volunteer",
    "adherent": "member",
    "facilitateur": "facilitator",
    "etudiant": "student",
    "programmateur": "programmer",
    "journaliste": "journalist",
}
PARTNERSHIP_KIND_SLUG = {
    "financement": "funding",
    "accueil": "hosting",
    "co-organisation": "co-organising",
    "diffusion": "distribution",
    "formation": "training",
}


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_contact_messages_in_people'),
    ]

    operations = [
        migrations.AlterField(
            model_name='organisation',
            name='circle',
            field=models.CharField(choices=[('partner', 'Partenaire'), ('companion', 'Collectif compagnon')], default='partner', help_text='Sur la page publique : partenaires d’un côté, collectifs compagnons de l’autre.', max_length=20, verbose_name='cercle'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='kind',
            field=models.CharField(choices=[('school', 'École'), ('union', 'Syndicat'), ('collective', 'Collectif'), ('festival', 'Festival'), ('venue', 'Lieu'), ('media', 'Média'), ('public_funder', 'Financeur public'), ('foundation', 'Fondation'), ('company', 'Entreprise'), ('association', 'Association'), ('other', 'Autre')], default='other', max_length=30, verbose_name='type'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='stage',
            field=models.CharField(choices=[('prospect', 'Prospect'), ('discussion', 'En discussion'), ('active', 'Partenaire actif'), ('former', 'Ancien partenaire')], default='prospect', max_length=20, verbose_name='relation'),
        ),
        rename_values(
        "people",
        {
            ("organisation", "kind"): ORGANISATION_KIND,
            ("organisation", "stage"): STAGE,
            ("organisation", "circle"): CIRCLE,
            ("role", "slug"): ROLE_SLUG,
            ("partnershipkind", "slug"): PARTNERSHIP_KIND_SLUG,
        },
    ),
    ]
