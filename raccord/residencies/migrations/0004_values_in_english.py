"""Stored values in English (issue 16), French labels kept; rows converted both ways.

The maps are frozen here: later renames in the code must not change what this migration did.
Roles, crew positions and parity-grid posts share one set of codes. Page revisions keep the
outputs of a residency page: their kinds are converted too, so a revision published later
brings no French code back.
"""

from django.db import migrations, models

# Call roles, crew positions and parity-grid posts (the Plateau's parity posts use them too).
CODES = {
    "realisation": "directing",
    "representant_producteur": "producer_representative",
    "scenario": "screenwriting",
    "direction_production": "production_management",
    "image": "cinematography",
    "son": "sound",
    "costumes": "costume_design",
    "decor": "production_design",
    "montage": "editing",
    "assistanat_realisation": "assistant_directing",
    "scripte": "script_supervision",
    "regie": "set_management",
    "assistanat_image": "camera_assistance",
    "electricite_machinerie": "lighting_and_grip",
    "perche": "boom_operating",
    "maquillage": "makeup",
    "interpretation": "acting",
    "cuisine": "cooking",
    "autre": "other",
}
YES_NO = {"oui": "yes", "non": "no"}
OUTPUT_KINDS = {"exposition": "exhibition", "bd": "comic", "autre": "other"}
FIELDS = [
    # (model, field, map)
    ("CallRole", "role", CODES),
    ("CrewMember", "position", CODES),
    ("CrewMember", "counts_as_woman", YES_NO),
    ("ParityPost", "code", CODES),
    ("ParityGrid", "kind", {"documentaire": "documentary"}),
    (
        "Application",
        "status",
        {
            "recue": "submitted",
            "retenue": "accepted",
            "liste_attente": "waitlist",
            "non_retenue": "declined",
        },
    ),
    (
        "Application",
        "diet",
        {"vegetarien": "vegetarian", "vegetalien": "vegan", "sans_porc": "no_pork", "autre": "other"},
    ),
    ("Opinion", "verdict", {"oui": "yes", "peut_etre": "maybe", "non": "no"}),
    ("ResidencyOutput", "kind", OUTPUT_KINDS),
    (
        "BudgetLine",
        "category",
        {
            "hebergement": "housing",
            "repas": "meals",
            "materiel": "equipment",
            "remunerations": "pay",
            "autre": "other",
        },
    ),
    (
        "FundingSource",
        "kind",
        {
            "partenaire": "partner",
            "subvention": "public_grant",
            "dons": "donations",
            "soiree": "event_takings",
            "fonds_propres": "own_funds",
            "autre": "other",
        },
    ),
    ("FundingSource", "status", {"sollicite": "requested", "accorde": "granted", "recu": "received"}),
]
DIVERSITY_KEYS = {
    "genre": "gender",
    "racisee": "racialised",
    "handicap": "disability",
    "premiere_experience": "first_professional_shoot",
}
DIVERSITY_VALUES = {
    "femme": "woman",
    "homme": "man",
    "non_binaire": "non_binary",
    "autre": "other",
    **YES_NO,
}


def _inverse(mapping: dict) -> dict:
    return {new: old for old, new in mapping.items()}


def _convert(apps, forward: bool) -> None:
    def pick(mapping):
        return mapping if forward else _inverse(mapping)

    for model_name, field, mapping in FIELDS:
        model = apps.get_model("residencies", model_name)
        for old, new in pick(mapping).items():
            model.objects.filter(**{field: old}).update(**{field: new})

    keys, values = pick(DIVERSITY_KEYS), pick(DIVERSITY_VALUES)
    Application = apps.get_model("residencies", "Application")
    for application in Application.objects.exclude(diversity={}).only("pk", "diversity"):
        if not isinstance(application.diversity, dict):
            continue
        converted = {
            keys.get(key, key): values.get(value, value) if isinstance(value, str) else value
            for key, value in application.diversity.items()
        }
        if converted != application.diversity:
            Application.objects.filter(pk=application.pk).update(diversity=converted)

    kinds = pick(OUTPUT_KINDS)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    page_type = ContentType.objects.filter(app_label="residencies", model="residencypage").first()
    if page_type is None:
        return
    for revision in Revision.objects.filter(content_type=page_type).only("pk", "content"):
        content = revision.content if isinstance(revision.content, dict) else None
        outputs = (content or {}).get("outputs")
        if not isinstance(outputs, list):
            continue
        changed = False
        for output in outputs:
            if isinstance(output, dict) and output.get("kind") in kinds:
                output["kind"] = kinds[output["kind"]]
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


def to_english(apps, schema_editor):
    _convert(apps, forward=True)


def to_french(apps, schema_editor):
    _convert(apps, forward=False)


class Migration(migrations.Migration):

    dependencies = [
        ('residencies', '0003_residencies_calls_crews_budget'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='application',
            name='diet',
            field=models.CharField(choices=[('omnivore', 'Je mange de tout'), ('vegetarian', 'Végétarien'), ('vegan', 'Végétalien (vegan)'), ('no_pork', 'Sans porc'), ('other', 'Autre (précisé plus bas)')], default='omnivore', max_length=20, verbose_name='régime alimentaire'),
        ),
        migrations.AlterField(
            model_name='application',
            name='status',
            field=models.CharField(choices=[('submitted', 'Reçue'), ('accepted', 'Retenue'), ('waitlist', 'Liste d’attente'), ('declined', 'Non retenue')], db_index=True, default='submitted', max_length=20, verbose_name='décision'),
        ),
        migrations.AlterField(
            model_name='budgetline',
            name='category',
            field=models.CharField(choices=[('housing', 'Hébergement'), ('meals', 'Repas'), ('transport', 'Transport'), ('equipment', 'Matériel'), ('pay', 'Rémunérations'), ('facilitation', 'Facilitation'), ('postproduction', 'Postproduction'), ('communication', 'Communication'), ('other', 'Autre')], max_length=20, verbose_name='poste'),
        ),
        migrations.AlterField(
            model_name='callrole',
            name='role',
            field=models.CharField(choices=[('directing', 'Réalisation'), ('screenwriting', 'Scénario'), ('cinematography', 'Image'), ('sound', 'Son'), ('script_supervision', 'Scripte'), ('set_management', 'Régie'), ('production', 'Production'), ('production_design', 'Décor'), ('costume_design', 'Costumes'), ('makeup', 'Maquillage'), ('editing', 'Montage'), ('acting', 'Interprétation'), ('cooking', 'Cuisine'), ('facilitation', 'Facilitation'), ('coordination', 'Coordination'), ('other', 'Autre')], max_length=30, verbose_name='rôle'),
        ),
        migrations.AlterField(
            model_name='crewmember',
            name='counts_as_woman',
            field=models.CharField(blank=True, choices=[('yes', 'Oui'), ('no', 'Non'), ('', 'Non renseigné')], default='', help_text='À demander à la personne ; « non renseigné » ne compte pas.', max_length=3, verbose_name='compte comme femme pour la grille de parité'),
        ),
        migrations.AlterField(
            model_name='crewmember',
            name='position',
            field=models.CharField(choices=[('directing', 'Réalisation'), ('producer_representative', 'Représentant·e légal·e de la production'), ('screenwriting', 'Scénario'), ('production_management', 'Direction de production'), ('cinematography', 'Direction de la photographie'), ('sound', 'Ingénieur·e du son'), ('costume_design', 'Création des costumes'), ('production_design', 'Création des décors'), ('editing', 'Montage'), ('assistant_directing', 'Assistanat à la réalisation'), ('script_supervision', 'Scripte'), ('set_management', 'Régie'), ('camera_assistance', 'Assistanat image'), ('lighting_and_grip', 'Électricité et machinerie'), ('boom_operating', 'Perche'), ('makeup', 'Maquillage et coiffure'), ('acting', 'Interprétation'), ('facilitation', 'Facilitation'), ('coordination', 'Coordination'), ('other', 'Autre poste')], max_length=40, verbose_name='poste'),
        ),
        migrations.AlterField(
            model_name='fundingsource',
            name='kind',
            field=models.CharField(choices=[('partner', 'Partenaire'), ('public_grant', 'Subvention publique'), ('donations', 'Dons'), ('event_takings', 'Recettes de soirée'), ('own_funds', 'Fonds propres'), ('other', 'Autre')], max_length=20, verbose_name='type'),
        ),
        migrations.AlterField(
            model_name='fundingsource',
            name='status',
            field=models.CharField(choices=[('requested', 'Sollicité'), ('granted', 'Accordé'), ('received', 'Reçu')], default='requested', max_length=20, verbose_name='état'),
        ),
        migrations.AlterField(
            model_name='opinion',
            name='verdict',
            field=models.CharField(choices=[('yes', 'Oui'), ('maybe', 'Peut-être'), ('no', 'Non')], max_length=10, verbose_name='avis'),
        ),
        migrations.AlterField(
            model_name='paritygrid',
            name='kind',
            field=models.CharField(choices=[('fiction', 'Fiction'), ('documentary', 'Documentaire')], default='fiction', max_length=20, verbose_name='genre'),
        ),
        migrations.AlterField(
            model_name='paritypost',
            name='code',
            field=models.SlugField(help_text='Le même code que le poste tenu dans l’équipe (ex. « directing »).', verbose_name='code du poste'),
        ),
        migrations.AlterField(
            model_name='residencyoutput',
            name='kind',
            field=models.CharField(choices=[('film', 'Film'), ('exhibition', 'Exposition'), ('comic', 'Bande dessinée'), ('photos', 'Photos'), ('article', 'Article'), ('other', 'Autre')], default='film', max_length=20, verbose_name='type'),
        ),
        migrations.RunPython(to_english, to_french),
    ]
