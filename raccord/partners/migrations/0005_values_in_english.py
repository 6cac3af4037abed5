"""Stored codes in English (French labels unchanged); rows converted both ways."""

from django.db import migrations, models

from raccord.core.migration_tools import rename_values


CHANNEL = {
    "telephone": "phone",
    "rencontre": "meeting",
    "visio": "video",
    "site": "website",
    "evenement": "event",
    "reseaux": "social",
    "courrier": "mail",
    "autre": "other",
}
STATUS = {"nouvelle": "new", "en_cours": "in_progress", "traitee": "done", "classee": "declined"}
OFFER = {"soiree_atelier": "workshop", "formation": "training", "accompagnement": "coaching"}


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0004_organisations_in_people'),
    ]

    operations = [
        migrations.AlterField(
            model_name='coachingrequest',
            name='offer',
            field=models.CharField(choices=[('workshop', 'Soirée-atelier'), ('training', 'Formation à la coopération pour une équipe'), ('coaching', 'Accompagnement d’une équipe pendant un tournage')], max_length=20, verbose_name='demande'),
        ),
        migrations.AlterField(
            model_name='coachingrequest',
            name='status',
            field=models.CharField(choices=[('new', 'Nouvelle'), ('in_progress', 'En cours'), ('done', 'Traitée'), ('declined', 'Classée sans suite')], default='new', max_length=20, verbose_name='suivi'),
        ),
        migrations.AlterField(
            model_name='interaction',
            name='channel',
            field=models.CharField(choices=[('email', 'E-mail'), ('phone', 'Téléphone'), ('meeting', 'Rencontre'), ('video', 'Visio'), ('website', 'Formulaire du site'), ('event', 'Pendant un événement'), ('social', 'Réseaux sociaux'), ('mail', 'Courrier'), ('other', 'Autre')], max_length=20, verbose_name='canal'),
        ),
        migrations.AlterField(
            model_name='partnershipinquiry',
            name='status',
            field=models.CharField(choices=[('new', 'Nouvelle'), ('in_progress', 'En cours'), ('done', 'Traitée'), ('declined', 'Classée sans suite')], default='new', max_length=20, verbose_name='suivi'),
        ),
        rename_values(
        "partners",
        {
            ("interaction", "channel"): CHANNEL,
            ("partnershipinquiry", "status"): STATUS,
            ("coachingrequest", "status"): STATUS,
            ("coachingrequest", "offer"): OFFER,
        },
    ),
    ]
