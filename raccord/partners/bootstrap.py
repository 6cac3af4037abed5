"""The partners' page, the trainings page, and the organisations the brochure names.

The six partners of the March 2024 residency and the companion collectives are real and
public; no person is added (the demo adds fictional contacts and exchanges).
"""

from raccord.people.models import Organisation, PartnershipKind

from .models import PartnersIndexPage, TrainingPage

P, C = Organisation.Circle.PARTNER, Organisation.Circle.COMPANION
ACTIVE, TALKING = Organisation.Stage.ACTIVE, Organisation.Stage.DISCUSSION
K = Organisation.Kind

RESIDENCY = "Partenaire de la première résidence-laboratoire, en mars 2024."
ORGANISATIONS = [
    # name, kind, circle, stage, city, website, partnership kinds, description
    (
        "Bascule Argoat",
        K.VENUE,
        P,
        ACTIVE,
        "Centre Bretagne",
        "",
        ["hosting"],
        "Éco-lieu du Centre Bretagne : ses habitant·es ont accueilli les trente participant·es "
        "de la première résidence-laboratoire, en mars 2024.",
    ),
    ("Atelier 7", K.OTHER, P, ACTIVE, "", "", [], RESIDENCY),
    ("Le Bruit Qui Court", K.OTHER, P, ACTIVE, "", "", [], RESIDENCY),
    ("Black Ship", K.OTHER, P, ACTIVE, "", "", [], RESIDENCY),
    (
        "Louis Lumière",
        K.SCHOOL,
        P,
        ACTIVE,
        "",
        "https://www.ens-louis-lumiere.fr/",
        ["training"],
        "École de cinéma, partenaire de la première résidence-laboratoire en mars 2024.",
    ),
    ("Pola", K.OTHER, P, ACTIVE, "", "", [], RESIDENCY),
    (
        "Paris 1",
        K.SCHOOL,
        C,
        TALKING,
        "Paris",
        "https://www.pantheonsorbonne.fr/",
        ["co-organising"],
        "Université avec qui nous participons à des écrits et des événements.",
    ),
    (
        "La Fémis",
        K.SCHOOL,
        C,
        TALKING,
        "Paris",
        "https://www.femis.fr/",
        ["training"],
        "École nationale supérieure des métiers de l’image et du son.",
    ),
    (
        "ESCAT",
        K.SCHOOL,
        C,
        TALKING,
        "Tours",
        "",
        ["training"],
        "École de cinéma de Tours.",
    ),
    (
        "SPIAC-CGT",
        K.UNION,
        C,
        ACTIVE,
        "",
        "",
        ["media", "co-organising"],
        "Syndicat des professionnel·les des industries de l’audiovisuel et du cinéma : son "
        "magazine CLAP a publié un article sur notre résidence de mars 2024.",
    ),
    (
        "Les Toiles Vertes",
        K.COLLECTIVE,
        C,
        TALKING,
        "",
        "",
        ["co-organising"],
        "Collectif compagnon, croisé dans nos événements et nos écrits.",
    ),
    (
        "A.R.T.S.",
        K.COLLECTIVE,
        C,
        TALKING,
        "",
        "",
        ["co-organising"],
        "Collectif compagnon, croisé dans nos événements et nos écrits.",
    ),
    (
        "Agir pour le Vivant",
        K.COLLECTIVE,
        C,
        TALKING,
        "",
        "",
        ["co-organising"],
        "Compagnon de route de l’écosystème militant.",
    ),
    (
        "Festival Résistances",
        K.FESTIVAL,
        C,
        TALKING,
        "",
        "",
        ["distribution"],
        "Festival de films engagés, compagnon de nos événements.",
    ),
]


def load(ctx) -> dict[str, Organisation]:
    """The pages (under the home page) and the organisations by name."""
    if ctx.home is not None:
        ctx.page(
            ctx.home,
            PartnersIndexPage,
            slug="partenaires",
            title="Partenaires",
            show_in_menus=True,
            intro="Nous ne pouvons ni ne voulons agir seul·es : des lieux, des écoles, des "
            "syndicats, des collectifs et des festivals font le chemin avec nous.",
            call_to_action="Financer une résidence, accueillir une soirée, co-organiser un "
            "événement, diffuser les films : proposez-nous un partenariat.",
        )
        ctx.page(
            ctx.home,
            TrainingPage,
            slug="formations",
            title="Formations",
            show_in_menus=True,
            intro="Infuser des pratiques plus respectueuses dans le cinéma : nous proposons des "
            "soirées-ateliers, des formations à la coopération et l’accompagnement d’équipes "
            "pendant un tournage.",
            workshop_text="<p>La projection de nos deux courts-métrages, l’exposition dessinée "
            "de la résidence et une table ronde avec un avant-goût des outils de coopération : "
            "communication non violente, cercles de parole, intelligence collective.</p>",
            training_text="<p>Pour une équipe en préparation : poser ensemble des règles de "
            "fonctionnement, prendre des décisions par consentement, prévenir les violences "
            "sexistes et sexuelles et prendre soin les un·es des autres.</p>",
            coaching_text="<p>Une personne facilitatrice aux côtés de l’équipe pendant le "
            "tournage : météo du matin, espaces de parole, appui aux référent·es.</p>",
        )

    kinds = {kind.slug: kind for kind in PartnershipKind.objects.all()}
    organisations = {}
    for name, kind, circle, stage, city, website, kind_slugs, description in ORGANISATIONS:
        org, created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "circle": circle,
                "stage": stage,
                "city": city,
                "website": website,
                "description": description,
                "is_public": True,
            },
        )
        if created:
            org.partnership_kinds.set([kinds[s] for s in kind_slugs if s in kinds])
            ctx.created.append(f"Organisation {name}")
        organisations[name] = org
    return organisations
