"""Demo: a short film coached by the collective, mid-shoot, with its crew's workspace.

Loaded once: if the production exists, nothing is touched (the team may have edited it).
Log in as a demo member with `manage.py plateau_login_link maelle.riou@example.org`.
"""

from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone

DEMO_SLUG = "la-ronde-des-communs"

# email, name, role, position, parity post, counts as woman, extra fields
CREW = [
    ("camille.legoff@example.org", "Camille Le Goff", "facilitation", "Facilitation", "", None, {}),
    (
        "ines.moreau@example.org",
        "Inès Moreau",
        "coordination",
        "Direction de production",
        "production_management",
        True,
        {"is_eco_referent": True},
    ),
    (
        "maelle.riou@example.org",
        "Maëlle Riou",
        "member",
        "Réalisation",
        "directing",
        True,
        {"is_vhss_referent": True, "referent_phone": "06 00 00 00 00"},
    ),
    ("yann.kerbrat@example.org", "Yann Kerbrat", "member", "Image", "cinematography", False, {}),
    ("sami.haddad@example.org", "Sami Haddad", "member", "Son", "sound", None, {}),
    ("lou.tanguy@example.org", "Lou Tanguy", "member", "Scripte", "", None, {}),
    ("nora.belkacem@example.org", "Nora Belkacem", "member", "Montage", "editing", True, {}),
]

WORDS = [
    ("Camille Le Goff", 7, "Contente de retrouver tout le monde", True),
    ("Inès Moreau", 5, "un peu courte en sommeil", False),
    ("Maëlle Riou", 8, "impatiente", False),
    ("Yann Kerbrat", 6, "la lumière d’hier était folle", True),
    ("Sami Haddad", 4, "", False),
    ("Lou Tanguy", 7, "concentrée", False),
]


def load(ctx) -> None:
    from raccord.people.services import find_or_create

    from . import services
    from .defaults import ensure_defaults
    from .models import (
        CallSheet,
        CarbonEntry,
        CheckIn,
        CrewMember,
        EmissionFactor,
        ListeningService,
        PayGrid,
        PayGridRate,
        PayLine,
        Production,
    )

    ensure_defaults(EmissionFactor, ListeningService)  # a restored database may lack them
    if Production.objects.filter(slug=DEMO_SLUG).exists():
        return
    today = timezone.localdate()
    production = Production.objects.create(
        title="La Ronde des communs",
        slug=DEMO_SLUG,
        kind=Production.Kind.SHORT,
        context="Court métrage accompagné par le collectif, dans l’esprit de la résidence de "
        "printemps 2026 en Bretagne",
        description="Une équipe d’une vingtaine de personnes tourne un court métrage en "
        "coopération : météo chaque matin, décisions par consentement, repas végétariens "
        "par défaut, un groupe électrogène le moins souvent possible.",
        location="Centre Bretagne",
        first_shooting_day=today - timedelta(days=3),
        last_shooting_day=today + timedelta(days=4),
    )
    members = {}
    for email, name, role, position, post, woman, extra in CREW:
        contact = find_or_create(email=email, name=name)
        members[name] = CrewMember.objects.create(
            production=production,
            contact=contact,
            role=role,
            position=position,
            parity_post=post,
            counts_as_woman=woman,
            status=CrewMember.Status.ACTIVE,
            joined_at=timezone.now() - timedelta(days=10),
            module1_done_on=today - timedelta(days=20) if name != "Sami Haddad" else None,
            module2_scheduled_on=today + timedelta(days=2),
            **extra,
        )

    # Météos of the last days: trends for facilitation, today's words for the crew.
    for offset, shift in ((3, 1), (2, 0), (1, -2), (0, 0)):
        day = today - timedelta(days=offset)
        for name, energy, words, signed in WORDS:
            if offset and not words:
                continue
            CheckIn.objects.create(
                production=production,
                member=members[name],
                day=day,
                energy=max(1, min(10, energy + shift)),
                words=words if offset == 0 else "",
                signed=signed,
            )

    facilitator = members["Camille Le Goff"]
    closed = services.propose(
        members["Inès Moreau"],
        title="Repas végétariens par défaut",
        body="Les repas du tournage sont végétariens par défaut ; la régie prévoit une option "
        "avec viande sur demande la veille.",
    )
    for name, choice, reason, signed in [
        ("Camille Le Goff", "consent", "", True),
        ("Inès Moreau", "consent", "", True),
        ("Maëlle Riou", "consent", "", False),
        ("Yann Kerbrat", "concern", "Prévoir assez de protéines les journées de portage.", True),
        ("Sami Haddad", "consent", "", False),
        ("Lou Tanguy", "consent", "", False),
    ]:
        services.answer(members[name], closed, choice=choice, reason=reason, signed=signed)
    services.close(facilitator, closed)

    open_proposal = services.propose(
        members["Maëlle Riou"],
        title="Journée continue le samedi",
        body="Samedi, nous tournons en journée continue de 8 h à 16 h avec une collation chaude "
        "à 12 h, pour libérer la fin d’après-midi.",
    )
    services.answer(members["Lou Tanguy"], open_proposal, choice="consent")
    services.answer(
        members["Yann Kerbrat"],
        open_proposal,
        choice="objection",
        reason="La séquence 14 demande la lumière de fin de journée.",
    )

    for offset, number in ((0, 4), (1, 5)):
        day = today + timedelta(days=offset)
        sheet = CallSheet.objects.create(
            production=production,
            day=day,
            day_number=number,
            general_call=time(8, 30),
            wrap=time(18, 30),
            places="Ferme du Pré-Haut, route de la Lande (parking dans la cour)\n"
            "Lavoir du bourg, à 5 minutes à pied",
            schedule="08:30 Café, météo du matin\n09:15 Séquence 12 (cour de la ferme)\n"
            "13:00 Déjeuner\n14:00 Séquences 13 et 14 (lavoir)\n18:00 Rangement",
            meals="13:00 déjeuner à la ferme : 18 repas végétariens, 2 avec poulet\n"
            "Collation à 16:30",
            notes="Prévoir des bottes : le chemin du lavoir est boueux.",
        )
        for name, hour in (("Inès Moreau", time(7, 45)), ("Yann Kerbrat", time(8, 0))):
            sheet.calls.create(member=members[name], time=hour, note="Installation")

    factors = {f.code: f for f in EmissionFactor.objects.all()}
    for day_offset, code, quantity, kind in [
        (3, "coach", Decimal("4200"), "forecast"),
        (3, "petrol-car", Decimal("600"), "forecast"),
        (3, "meal-vegetarian", Decimal("300"), "forecast"),
        (3, "meal-chicken", Decimal("40"), "forecast"),
        (3, "coach", Decimal("3900"), "actual"),
        (2, "petrol-car", Decimal("180"), "actual"),
        (2, "meal-vegetarian", Decimal("38"), "actual"),
        (2, "meal-chicken", Decimal("4"), "actual"),
        (1, "generator-diesel", Decimal("12"), "actual"),
        (1, "grid-electricity", Decimal("85"), "actual"),
    ]:
        if code in factors:
            CarbonEntry.objects.create(
                production=production,
                day=today - timedelta(days=day_offset),
                factor=factors[code],
                quantity=quantity,
                kind=kind,
                created_by=members["Inès Moreau"],
            )

    grid = PayGrid.objects.filter(is_example=True, effective_from=date(2025, 1, 1)).first()
    if grid is None:
        grid = PayGrid.objects.create(
            name="Convention collective de la production cinématographique (IDCC 3097) — "
            "VALEURS D’EXEMPLE",
            effective_from=date(2025, 1, 1),
            source="Montants inventés pour la démonstration : à remplacer par les minimums "
            "des annexes de la convention en vigueur",
            is_example=True,
        )
        for code, position, amount in [
            ("production-manager", "Direction de production", "1900.00"),
            ("director-of-photography", "Direction de la photographie", "2100.00"),
            ("sound-engineer", "Chef·fe opérateur·rice du son", "1700.00"),
            ("script-supervisor", "Scripte", "1300.00"),
            ("editor", "Chef·fe monteur·se", "1500.00"),
        ]:
            PayGridRate.objects.create(
                grid=grid, code=code, position=position, weekly_minimum=Decimal(amount)
            )
    for position, code, pay in [
        ("Direction de production", "production-manager", "1950.00"),
        ("Image", "director-of-photography", "2100.00"),
        ("Son", "sound-engineer", "1600.00"),
        ("Scripte", "script-supervisor", "1350.00"),
        ("Montage", "editor", "1500.00"),
    ]:
        PayLine.objects.create(
            production=production, position=position, grid_code=code, agreed_weekly_pay=pay
        )
    ctx.created.append("Plateau coopératif : La Ronde des communs")
    ctx.log("Plateau : manage.py plateau_login_link maelle.riou@example.org")
