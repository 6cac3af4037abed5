"""The residencies page and the first residency-laboratory, as the collective told it.

The next residency (« créer des films en coopération ») has no published dates or call yet:
the team adds it; the demo shows one with an open call.
"""

from __future__ import annotations

from datetime import date

from .models import ParticipantGroup, ResidencyIndexPage, ResidencyOutput, ResidencyPage
from .parity import ensure_default_grid

MARCH_2024_PARTNERS = [
    "Bascule Argoat",
    "Atelier 7",
    "Le Bruit Qui Court",
    "Black Ship",
    "Louis Lumière",
    "Pola",
]
MARCH_2024_GROUPS = [
    ("facilitateur·ices professionnel·les de la coopération", 2),
    ("coordinateur·ices", 3),
    ("cuisinier·e", 1),
    ("technicien·nes et interprètes professionnel·les", 20),
    ("ami·es venu·es prêter main-forte", 4),
]
MARCH_2024_STORY = [
    (
        "paragraph",
        "<p>En mars 2024, trente personnes se sont retrouvées à l’éco-lieu Bascule Argoat, en "
        "Centre Bretagne, avec une question simple : peut-on faire un film sans reproduire les "
        "rapports de domination des plateaux ? Les habitant·es du lieu les ont accueillies "
        "pendant toute la résidence.</p>",
    ),
    (
        "paragraph",
        "<p>Deux facilitateur·ices professionnel·les de la coopération ont accompagné les "
        "équipes : communication non violente, cercles de parole, intelligence collective. Vingt "
        "technicien·nes et interprètes ont tourné deux courts-métrages, <i>Récolter la "
        "tempête</i> et <i>Sur écoute</i>, pendant que trois coordinateur·ices et une personne "
        "en cuisine faisaient tenir le quotidien.</p>",
    ),
    (
        "paragraph",
        "<p>Romane Rostoll a suivi la résidence et en a tiré dix planches de bande dessinée : "
        "les enjeux, les tensions et les anecdotes de ces journées. Elles forment aujourd’hui "
        "l’exposition qui accompagne nos soirées. La revue CLAP du SPIAC-CGT a consacré un "
        "article à cette première résidence, d’où est né le collectif.</p>",
    ),
]


def index(ctx) -> ResidencyIndexPage:
    return ctx.page(
        ctx.home,
        ResidencyIndexPage,
        slug="residences",
        title="Résidences",
        show_in_menus=True,
        intro="<p>Creuser : en résidence, des équipes tournent des courts-métrages en "
        "coopération, loin de la hiérarchie habituelle des plateaux. Chaque résidence se "
        "prépare, se finance et se vit à plusieurs.</p>",
    )


def load(ctx) -> None:
    ensure_default_grid()
    if ctx.home is None:
        return
    _reviewer_group(ctx)
    _march_2024(ctx, index(ctx))


REVIEWER_GROUP = "Relecture des résidences"
REVIEWER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("residencies", "view_application"),
    ("residencies", "add_opinion"),
    ("residencies", "view_crew"),
    ("residencies", "view_call"),
]


def _reviewer_group(ctx) -> None:
    """A ready-made group for the volunteers who read applications during a call."""
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=REVIEWER_GROUP)
    if created:
        for app_label, codename in REVIEWER_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
        ctx.created.append(f"group {REVIEWER_GROUP}")


def _organisations(names):
    from raccord.people.models import Organisation

    found = []
    for name in names:
        org = Organisation.objects.filter(name__iexact=name).first()
        if org is None:
            org = Organisation.objects.create(name=name, is_public=True)
        found.append(org)
    return found


def _march_2024(ctx, index) -> ResidencyPage:
    existing = index.get_children().filter(slug="mars-2024").first()
    if existing is not None:
        return existing.specific
    page = ResidencyPage(
        slug="mars-2024",
        title="Résidence-laboratoire de mars 2024",
        period_label="mars 2024",
        start_date=date(2024, 3, 1),  # sort key only: the page shows "mars 2024"
        place="Éco-lieu Bascule Argoat",
        region="Centre Bretagne",
        intro="La première résidence du collectif : trente personnes, deux courts-métrages et "
        "dix planches de bande dessinée, à l’éco-lieu Bascule Argoat.",
        search_description="La résidence-laboratoire de mars 2024 à Bascule Argoat : 30 "
        "participant·es, 6 partenaires, 2 courts-métrages, 10 planches de BD.",
        story=MARCH_2024_STORY,
    )
    index.add_child(instance=page)
    page.partners.set(_organisations(MARCH_2024_PARTNERS))
    page.participant_groups = [
        ParticipantGroup(role=role, count=count, sort_order=i)
        for i, (role, count) in enumerate(MARCH_2024_GROUPS)
    ]
    page.outputs = [
        ResidencyOutput(
            kind=ResidencyOutput.Kind.COMIC,
            title="Dix planches de bande dessinée par Romane Rostoll",
            description="Les enjeux, les tensions et les anecdotes de la résidence, dessinés ; "
            "elles voyagent aujourd’hui en exposition.",
            sort_order=0,  # the films demo points it at the exhibition page
        )
    ]
    page.save_revision().publish()
    ctx.created.append("ResidencyPage /residences/mars-2024/")
    return page
