from django.db import migrations

KINDS = [
    ("financement", "Financement"),
    ("accueil", "Accueil (lieu, résidence)"),
    ("co-organisation", "Co-organisation"),
    ("diffusion", "Diffusion"),
    ("formation", "Formation"),
    ("media", "Média"),
]


def add_kinds(apps, schema_editor):
    Kind = apps.get_model("partners", "PartnershipKind")
    for order, (slug, name) in enumerate(KINDS):
        Kind.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_crm")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
