"""core forgets ContactMessage, now people's (state only; decision 0015)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_outgoing_mail_without_contact"),
        ("people", "0005_contact_messages_in_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContactMessage")],
        ),
    ]
