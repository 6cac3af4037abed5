"""Demo content: the partners and companion collectives named in the brochure, a few contacts,
exchanges and follow-ups due. Logos are placeholders drawn with Pillow (no real logo)."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from raccord.people.models import Contact, Membership, Organisation, PartnershipKind, Role

from .bootstrap import TALKING
from .models import Interaction

# Fictional people (example.org addresses) so the CRM has someone to show.
CONTACTS = [
    (
        "camille.kerbrat@example.org",
        "Camille Kerbrat",
        "elle",
        ["partner"],
        "Bascule Argoat",
        "habitante du lieu",
    ),
    (
        "sacha.moreau@example.org",
        "Sacha Moreau",
        "iel",
        ["partner", "member"],
        "SPIAC-CGT",
        "rédaction de CLAP",
    ),
    (
        "noor.benali@example.org",
        "Noor Benali",
        "",
        ["partner"],
        "La Fémis",
        "coordination pédagogique",
    ),
    ("lou.garnier@example.org", "Lou Garnier", "il", ["technician", "volunteer"], "", ""),
    ("ines.roux@example.org", "Inès Roux", "elle", ["performer", "spectator"], "", ""),
]

INTERACTIONS = [
    # organisation, contact email, channel, days ago, summary, next step, due in days
    (
        "Bascule Argoat",
        "camille.kerbrat@example.org",
        Interaction.Channel.MEETING,
        30,
        "Bilan de la résidence de mars 2024 avec les habitant·es : envie partagée d’accueillir "
        "la résidence « créer des films en coopération » au printemps 2026.",
        "Caler les dates de la résidence du printemps 2026",
        3,
    ),
    (
        "SPIAC-CGT",
        "sacha.moreau@example.org",
        Interaction.Channel.EMAIL,
        20,
        "Merci pour l’article sur la résidence paru dans CLAP ; idée d’une table ronde commune.",
        "Proposer deux dates de table ronde",
        -2,
    ),
    (
        "La Fémis",
        "noor.benali@example.org",
        Interaction.Channel.VIDEO,
        10,
        "Premier échange sur une soirée-atelier pour les étudiant·es.",
        "Envoyer la présentation des formations",
        5,
    ),
    (
        "Festival Résistances",
        "",
        Interaction.Channel.PHONE,
        5,
        "Discussion sur une projection accompagnée de Récolter la tempête et Sur écoute.",
        "Relancer pour la programmation",
        21,
    ),
]


def placeholder_logo(name: str) -> ImageFile:
    """A plain card with the initials, coloured from the name: clearly not a real logo."""
    from PIL import Image, ImageDraw, ImageFont

    palette = ["#a3361f", "#1e5a57", "#6b2d5c", "#7c2915", "#23415f", "#4d5a1e"]
    colour = palette[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(palette)]
    image = Image.new("RGB", (480, 240), colour)
    draw = ImageDraw.Draw(image)
    initials = "".join(word[0] for word in name.replace(".", " ").split()[:3]).upper()
    try:
        font = ImageFont.load_default(size=96)
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    draw.text((240, 120), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name=f"logo-provisoire-{slugify(name)}.png")


def load(ctx) -> None:
    from wagtail.images import get_image_model

    from . import bootstrap

    organisations = bootstrap.load(ctx)
    Image = get_image_model()
    for name, org in organisations.items():
        if org.logo_id is None:
            title = f"Logo provisoire — {name}"
            logo = Image.objects.filter(title=title).first()
            if logo is None:
                logo = Image.objects.create(title=title, file=placeholder_logo(name))
                ctx.created.append(f"logo {name}")
            org.logo = logo
            org.save(update_fields=["logo"])

    roles = {role.slug: role for role in Role.objects.all()}
    for email, name, pronouns, role_slugs, org_name, title in CONTACTS:
        contact, created = Contact.objects.get_or_create(
            email=email, defaults={"name": name, "pronouns": pronouns}
        )
        if created:
            contact.roles.set([roles[s] for s in role_slugs if s in roles])
            ctx.created.append(f"Contact {name}")
        if org_name:
            Membership.objects.get_or_create(
                contact=contact,
                organisation=organisations[org_name],
                defaults={"title": title, "is_main_contact": True},
            )

    owner = get_user_model().objects.filter(username="admin").first()
    today = timezone.localdate()
    for org_name, email, channel, ago, summary, next_step, due_in in INTERACTIONS:
        org = organisations[org_name]
        if Interaction.objects.filter(organisation=org, summary=summary).exists():
            continue
        Interaction.objects.create(
            organisation=org,
            contact=Contact.objects.filter(email=email).first() if email else None,
            channel=channel,
            date=today - timedelta(days=ago),
            summary=summary,
            next_step=next_step,
            due_date=today + timedelta(days=due_in),
            owner=owner,
        )
        ctx.created.append(f"échange {org_name}")

    _load_requests(ctx)


def _load_requests(ctx) -> None:
    """One partnership inquiry and one coaching request waiting for an answer (no mail sent)."""
    from .models import CoachingRequest, PartnershipInquiry

    contact, _ = Contact.objects.get_or_create(
        email="maya.lefort@example.org", defaults={"name": "Maya Lefort", "pronouns": "elle"}
    )
    venue, _ = Organisation.objects.get_or_create(
        name="Ciné-bar La Bobine (démo)",
        defaults={"kind": Organisation.Kind.VENUE, "city": "Nantes", "stage": TALKING},
    )
    if not PartnershipInquiry.objects.filter(contact=contact).exists():
        inquiry = PartnershipInquiry.objects.create(
            contact=contact,
            organisation=venue,
            role="programmation",
            message="Nous aimerions accueillir une soirée avec l’exposition et les deux films, "
            "et réfléchir à un partenariat de diffusion sur l’année.",
        )
        inquiry.offers.set(PartnershipKind.objects.filter(slug__in=["hosting", "distribution"]))
        ctx.created.append("demande de partenariat")
    crew, _ = Contact.objects.get_or_create(
        email="theo.marchand@example.org", defaults={"name": "Théo Marchand", "pronouns": "il"}
    )
    if not CoachingRequest.objects.filter(contact=crew).exists():
        start = timezone.localdate() + timedelta(days=120)
        CoachingRequest.objects.create(
            contact=crew,
            offer=CoachingRequest.Offer.COACHING,
            production="Court-métrage de fin d’études (démo)",
            crew_size=14,
            shoot_start=start,
            shoot_end=start + timedelta(days=6),
            location="Bretagne",
            needs="Une équipe qui veut essayer la météo du matin et les décisions par consentement.",
        )
        ctx.created.append("demande d’accompagnement")
