from django.db import migrations

ROLES = [
    ("technicien", "Technicien·ne"),
    ("interprete", "Interprète"),
    ("partenaire", "Partenaire"),
    ("spectateur", "Spectateur·ice"),
    ("benevole", "Bénévole"),
    ("adherent", "Adhérent·e"),
    ("facilitateur", "Facilitateur·ice"),
    ("etudiant", "Étudiant·e"),
    ("programmateur", "Programmateur·ice"),
    ("journaliste", "Journaliste"),
]


def add_roles(apps, schema_editor):
    Role = apps.get_model("people", "Role")
    for order, (slug, name) in enumerate(ROLES):
        Role.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("people", "0002_roles_memberships_audit")]
    operations = [migrations.RunPython(add_roles, migrations.RunPython.noop)]
