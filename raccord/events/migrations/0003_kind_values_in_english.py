"""Soirée kinds stored in English ("soiree" -> "evening"…), French labels kept; and back.

Rows and their page revisions (drafts, history) are converted, so publishing or reverting an old
revision never brings a French value back.
"""

from django.db import migrations, models

TO_ENGLISH = {
    "soiree": "evening",
    "projection": "screening",
    "atelier": "workshop",
    "table-ronde": "round_table",
    "residence": "residency",
}
TO_FRENCH = {english: french for french, english in TO_ENGLISH.items()}


def convert(mapping):
    def run(apps, schema_editor):
        EventPage = apps.get_model("events", "EventPage")
        for old, new in mapping.items():
            EventPage.objects.filter(kind=old).update(kind=new)
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.filter(app_label="events", model="eventpage")
            .first()
        )
        if content_type is None:
            return
        Revision = apps.get_model("wagtailcore", "Revision")
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            kind = (revision.content or {}).get("kind")
            if kind in mapping:
                revision.content["kind"] = mapping[kind]
                revision.save(update_fields=["content"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_programme_films_by_kind"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("evening", "Soirée"),
                    ("screening", "Projection"),
                    ("workshop", "Atelier"),
                    ("round_table", "Table ronde"),
                    ("residency", "Résidence"),
                ],
                default="evening",
                max_length=20,
                verbose_name="type",
            ),
        ),
        migrations.RunPython(convert(TO_ENGLISH), convert(TO_FRENCH)),
    ]
