"""The outbox keeps addresses, not people: core must not point at people.Contact (decision 0014)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0003_site_pages_news_contact")]

    operations = [migrations.RemoveField(model_name="outgoingmail", name="contact")]
