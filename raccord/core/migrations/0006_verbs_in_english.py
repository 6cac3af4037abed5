"""The home page's verbs stored in English (labels Infuser, Diffuser, Creuser unchanged), in the
page and in every revision, both ways."""

import wagtail.fields
from django.db import migrations

from raccord.core.migration_tools import rename_block_values

VERBS = {"infuser": "infuse", "diffuser": "diffuse", "creuser": "dig"}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_contact_messages_in_people"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name='homepage',
            name='verbs',
            field=wagtail.fields.StreamField([('verb', 8)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('infuse', 'Infuser'), ('diffuse', 'Diffuser'), ('dig', 'Creuser')], 'label': 'verbe'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'titre affiché', 'max_length': 60}), 2: ('wagtail.blocks.TextBlock', (), {'label': 'texte'}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'texte du lien', 'max_length': 80}), 4: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 5: ('wagtail.blocks.URLBlock', (), {'help_text': 'Une adresse complète ou un chemin du site, par exemple /soirees/.', 'label': 'ou adresse', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('label', 3), ('page', 4), ('url', 5)]], {}), 7: ('wagtail.blocks.ListBlock', (6,), {'label': 'liens', 'max_num': 4, 'min_num': 0}), 8: ('wagtail.blocks.StructBlock', [[('verb', 0), ('title', 1), ('text', 2), ('links', 7)]], {})}, verbose_name='verbes'),
        ),
        rename_block_values("core", "HomePage", "verbs", "verb", "verb", VERBS),
    ]
