"""Default data a fresh installation starts with; the team edits it in the admin afterwards.

Kept here (not in code paths) so the data migration and the demo loader share one list and one
loader, `ensure_defaults`.
"""

from decimal import Decimal

BRIEF_SOURCE = (
    "Ordre de grandeur ADEME cité par la presse, repris dans le cahier des charges de Raccord"
)
ESTIMATE = "Estimation de l’équipe d’après la Base Empreinte de l’ADEME, à vérifier avant le bilan"
DIRECT = "Valeur déjà calculée ailleurs (outil agréé, fournisseur) et saisie en kgCO2e"

# code, heading, label, unit, kgCO2e per unit, source, is_estimate, order
EMISSION_FACTORS = [
    ("petrol-car", "transport", "Voiture essence", "km", "0.2000", BRIEF_SOURCE, False, 1),
    ("coach", "transport", "Autocar", "km par passager", "0.0300", BRIEF_SOURCE, False, 2),
    (
        "high-speed-train",
        "transport",
        "Train à grande vitesse",
        "km par passager",
        "0.0029",
        ESTIMATE,
        True,
        3,
    ),
    (
        "meal-red-meat",
        "meals",
        "Repas avec viande rouge",
        "repas",
        "7.0000",
        BRIEF_SOURCE,
        False,
        1,
    ),
    ("meal-chicken", "meals", "Repas avec poulet", "repas", "1.6000", BRIEF_SOURCE, False, 2),
    ("meal-vegetarian", "meals", "Repas végétarien", "repas", "0.5000", BRIEF_SOURCE, False, 3),
    (
        "grid-electricity",
        "energy",
        "Électricité du réseau (France)",
        "kWh",
        "0.0520",
        ESTIMATE,
        True,
        1,
    ),
    (
        "generator-diesel",
        "energy",
        "Carburant de groupe électrogène (gazole)",
        "litre",
        "3.1000",
        ESTIMATE,
        True,
        2,
    ),
    (
        "equipment-estimate",
        "equipment",
        "Matériel (estimation déjà calculée)",
        "kgCO2e",
        "1.0000",
        DIRECT,
        False,
        1,
    ),
    (
        "purchases-estimate",
        "purchases",
        "Achats (estimation déjà calculée)",
        "kgCO2e",
        "1.0000",
        DIRECT,
        False,
        1,
    ),
]

# name, description, phone, email, url, order
LISTENING_SERVICES = [
    (
        "Cellule d’écoute VHSS du spectacle et du cinéma (Audiens)",
        "Écoute psychologique et orientation juridique, gratuite et confidentielle, pour les "
        "victimes et témoins. Numéro et horaires à vérifier par l’équipe sur le site d’Audiens.",
        "01 87 20 30 90",
        "violences-sexuelles-culture@audiens.org",
        "https://www.audiens.org/",
        1,
    ),
    (
        "Violences Femmes Info",
        "Numéro national d’écoute, anonyme et gratuit.",
        "3919",
        "",
        "",
        2,
    ),
]


def ensure_defaults(emission_factor_model, listening_service_model) -> None:
    """Add the default factors and services that are missing; never touch the team's edits.

    Takes the models as arguments so the data migration can pass its historical ones.
    """
    for code, heading, label, unit, value, source, estimate, order in EMISSION_FACTORS:
        emission_factor_model.objects.get_or_create(
            code=code,
            defaults={
                "heading": heading,
                "label": label,
                "unit": unit,
                "kg_co2e_per_unit": Decimal(value),
                "source": source,
                "is_estimate": estimate,
                "order": order,
            },
        )
    for name, description, phone, email, url, order in LISTENING_SERVICES:
        listening_service_model.objects.get_or_create(
            production=None,
            name=name,
            defaults={
                "description": description,
                "phone": phone,
                "email": email,
                "url": url,
                "order": order,
            },
        )
