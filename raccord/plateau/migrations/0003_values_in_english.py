"""Stored codes in English (issue 16): parity posts, default emission factors, demo pay codes.

Parity posts use the residencies' codes (residencies 0004 converts the grid itself). Emission
factor and pay-grid codes are data the team may edit: only the codes Raccord shipped (default
factors, the demo's example grid) are converted, and a pay line follows its grid's code. The
maps are frozen here; rows convert both ways.
"""

from django.db import migrations

PARITY_POSTS = {
    "realisation": "directing",
    "representant_producteur": "producer_representative",
    "scenario": "screenwriting",
    "direction_production": "production_management",
    "image": "cinematography",
    "son": "sound",
    "costumes": "costume_design",
    "decor": "production_design",
    "montage": "editing",
}
EMISSION_FACTORS = {
    "voiture-essence": "petrol-car",
    "autocar": "coach",
    "train-grande-vitesse": "high-speed-train",
    "repas-viande-rouge": "meal-red-meat",
    "repas-poulet": "meal-chicken",
    "repas-vegetarien": "meal-vegetarian",
    "electricite-reseau": "grid-electricity",
    "groupe-electrogene-gazole": "generator-diesel",
    "materiel-estimation": "equipment-estimate",
    "achats-estimation": "purchases-estimate",
}
PAY_CODES = {
    "directeur-production": "production-manager",
    "chef-operateur": "director-of-photography",
    "ingenieur-son": "sound-engineer",
    "scripte": "script-supervisor",
    "monteur": "editor",
}


def _convert(apps, forward: bool) -> None:
    def pick(mapping):
        return mapping if forward else {new: old for old, new in mapping.items()}

    CrewMember = apps.get_model("plateau", "CrewMember")
    for old, new in pick(PARITY_POSTS).items():
        CrewMember.objects.filter(parity_post=old).update(parity_post=new)

    EmissionFactor = apps.get_model("plateau", "EmissionFactor")
    for old, new in pick(EMISSION_FACTORS).items():
        if not EmissionFactor.objects.filter(code=new).exists():  # codes are unique
            EmissionFactor.objects.filter(code=old).update(code=new)

    PayGridRate = apps.get_model("plateau", "PayGridRate")
    PayLine = apps.get_model("plateau", "PayLine")
    for old, new in pick(PAY_CODES).items():
        for rate in PayGridRate.objects.filter(code=old):
            if not PayGridRate.objects.filter(grid=rate.grid_id, code=new).exists():
                PayGridRate.objects.filter(pk=rate.pk).update(code=new)
        PayLine.objects.filter(grid_code=old).update(grid_code=new)


def to_english(apps, schema_editor):
    _convert(apps, forward=True)


def to_french(apps, schema_editor):
    _convert(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("plateau", "0002_default_data"),
        ("residencies", "0004_values_in_english"),
    ]

    operations = [migrations.RunPython(to_english, to_french)]
