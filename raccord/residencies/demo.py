"""Demo content: the March 2024 residency-laboratory and the next one, with an open call.

Idempotent: pages, calls, budgets and funding are created only when absent, so the team's edits
survive a second `load_demo`. The March 2024 residency replaces the foundation's standard page
at `/residence-mars-2024/`, which becomes a redirect. The films demo, loaded after this one,
links the two films and the exhibition to it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from .models import (
    Application,
    BudgetLine,
    Call,
    CallRole,
    FundingSource,
    ResidencyPage,
)

NEXT_STORY = [
    (
        "paragraph",
        "<p>Après la résidence-laboratoire de 2024, nous repartons en Bretagne pour "
        "<strong>créer des films en coopération</strong> : des équipes de tournage qui "
        "décident ensemble, prennent soin les unes des autres et inventent une autre façon de "
        "produire.</p>",
    ),
    (
        "paragraph",
        "<p>L’appel à participation est ouvert aux technicien·nes, interprètes, scénaristes et "
        "réalisateur·ices, débutant·es comme confirmé·es. La sélection se fait à plusieurs, en "
        "cherchant des équipes paritaires et variées. Le budget prévoit l’hébergement, les "
        "repas et les trajets ; une partie du financement reste à trouver.</p>",
    ),
]
CALL_ROLES = [
    ("directing", 2),
    ("screenwriting", 2),
    ("cinematography", 2),
    ("sound", 2),
    ("script_supervision", 2),
    ("set_management", 2),
    ("production", 2),
    ("production_design", 2),
    ("costume_design", 1),
    ("makeup", 1),
    ("editing", 2),
    ("acting", 6),
    ("cooking", 1),
    ("facilitation", 2),
]
DEMO_NOTE = "Montant fictif, pour la démonstration."
BUDGET = [
    ("housing", "Hébergement sur le lieu", 6000),
    ("meals", "Repas pour trente personnes", 4500),
    ("transport", "Trajets des participant·es et du matériel", 2500),
    ("equipment", "Location du matériel de tournage", 3000),
    ("pay", "Défraiement et rémunérations", 9000),
    ("facilitation", "Facilitation professionnelle de la coopération", 2400),
    ("postproduction", "Montage, mixage et étalonnage", 1500),
]
FUNDING = [
    ("event_takings", "Recettes des soirées", 1200, "received"),
    ("donations", "Dons en ligne", 850, "received"),
    ("own_funds", "Fonds propres de l’association", 1500, "granted"),
    ("public_grant", "Subvention régionale (demande en cours)", 8000, "requested"),
    ("partner", "Partenaire accueillant (mise à disposition)", 2000, "requested"),
]
DEMO_APPLICANTS = [
    ("Maëlle Le Goff", "maelle.legoff@example.org", "elle", ["sound"], "vegetarian"),
    (
        "Yanis Benali",
        "yanis.benali@example.org",
        "il",
        ["cinematography", "set_management"],
        "omnivore",
    ),
    ("Awa Traoré", "awa.traore@example.org", "elle", ["directing"], "no_pork"),
    ("Sacha Morel", "sacha.morel@example.org", "iel", ["editing", "script_supervision"], "vegan"),
    ("Jeanne Kerbrat", "jeanne.kerbrat@example.org", "elle", ["acting"], "omnivore"),
    ("Hugo Danet", "hugo.danet@example.org", "il", ["cooking"], "vegetarian"),
]


def next_spring(after: date) -> int:
    """The first spring (from 20 March) that starts after `after`, with a month to prepare."""
    year = after.year
    return year if after + timedelta(days=30) <= date(year, 3, 20) else year + 1


def load(ctx) -> None:
    from . import bootstrap

    bootstrap.load(ctx)
    if ctx.home is None:
        return
    index = bootstrap.index(ctx)
    march = index.get_children().get(slug="mars-2024").specific
    _redirect_old_page(ctx, march)
    _next_residency(ctx, index)


def _redirect_old_page(ctx, march) -> None:
    """The foundation's standard page about March 2024 gives way to the residency page."""
    from wagtail.contrib.redirects.models import Redirect

    from raccord.core.models import StandardPage

    old = ctx.home.get_children().filter(slug="residence-mars-2024").first()
    if old is not None and old.specific_class is StandardPage:
        old.delete()
        ctx.created.append("removed StandardPage /residence-mars-2024/")
    old_path = Redirect.normalise_path("/residence-mars-2024/")
    if not Redirect.objects.filter(old_path=old_path).exists():
        Redirect.objects.create(
            old_path=old_path, redirect_page=march, is_permanent=True, site=ctx.site
        )
        ctx.created.append("Redirect /residence-mars-2024 → /residences/mars-2024/")


def _next_residency(ctx, index) -> None:
    now = timezone.now()
    closes = timezone.make_aware(datetime.combine(now.date() + timedelta(days=60), time(23, 59)))
    spring = next_spring(closes.date())
    existing = index.get_children().filter(slug="creer-des-films-en-cooperation").first()
    if existing is None:
        page = ResidencyPage(
            slug="creer-des-films-en-cooperation",
            title="Créer des films en coopération",
            period_label=f"printemps {spring}",
            start_date=date(spring, 4, 1),  # sort key only, until the dates are fixed
            place="Bretagne",
            intro="La prochaine résidence du collectif : tourner des courts-métrages en "
            "coopération, en Bretagne.",
            search_description="Créer des films en coopération : la prochaine résidence "
            "d’On Est Raccord! en Bretagne, appel à participation ouvert.",
            story=NEXT_STORY,
            show_support_block=True,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        ctx.created.append("ResidencyPage /residences/creer-des-films-en-cooperation/")
    else:
        page = existing.specific
    if not page.calls.exists():
        call = Call.objects.create(
            residency=page,
            title="Appel à participation",
            intro="Vous travaillez dans le cinéma, ou vous voulez y travailler autrement ? "
            "Rejoignez une équipe de tournage coopérative. Nous répondons à chaque personne.",
            opens_at=now - timedelta(days=7),
            closes_at=closes,
        )
        for order, (role, places) in enumerate(CALL_ROLES):
            CallRole.objects.create(call=call, role=role, places=places, sort_order=order)
        ctx.created.append("Call for creer-des-films-en-cooperation")
        _demo_applications(call)
    if not page.budget_lines.exists():
        for category, label, amount in BUDGET:
            BudgetLine.objects.create(
                residency=page, category=category, label=label, amount=amount, notes=DEMO_NOTE
            )
        ctx.created.append("budget lines")
    if not page.funding_sources.exists():
        for kind, name, amount, status in FUNDING:
            FundingSource.objects.create(
                residency=page,
                kind=kind,
                name=name,
                amount=Decimal(amount),
                status=status,
                notes=DEMO_NOTE,
            )
        ctx.created.append("funding sources")


def _demo_applications(call) -> None:
    """A few applications so the selection view has something to show; no mail is sent."""
    from raccord.people.services import find_or_create

    roles = {r.role: r for r in call.roles.all()}
    for name, email, pronouns, role_codes, diet in DEMO_APPLICANTS:
        contact = find_or_create(email=email, name=name)
        application = Application.objects.create(
            call=call,
            contact=contact,
            name=name,
            pronouns=pronouns,
            motivation="Envie d’apprendre à tourner autrement, en équipe.",
            experience="Plusieurs courts-métrages, associatifs et professionnels.",
            availability="Toute la résidence.",
            diet=diet,
        )
        application.roles.set([roles[code] for code in role_codes if code in roles])
