"""Messages from the contact form move from core to people (decision 0015).

State only: the table keeps its name (`core_contactmessage`) and its rows; the content type is
renamed in place. core then forgets the model (core 0005).
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from raccord.core.migration_tools import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0003_site_pages_news_contact"),
        ("people", "0004_organisations_in_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContactMessage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="nom")),
                        ("subject", models.CharField(max_length=200, verbose_name="objet")),
                        ("message", models.TextField(verbose_name="message")),
                        ("fingerprint", models.CharField(db_index=True, editable=False, max_length=64)),
                        ("status", models.CharField(choices=[("new", "À traiter"), ("handled", "Traité")], db_index=True, default="new", max_length=10, verbose_name="état")),
                        ("team_notes", models.TextField(blank=True, verbose_name="notes de l’équipe")),
                        ("created_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="reçu le")),
                        ("handled_at", models.DateTimeField(blank=True, null=True, verbose_name="traité le")),
                        ("contact", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="contact_messages", to="people.contact", verbose_name="contact")),
                    ],
                    options={
                        "verbose_name": "message reçu",
                        "verbose_name_plural": "messages reçus",
                        "db_table": "core_contactmessage",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
        move_content_types("core", "people", "contactmessage"),
    ]
