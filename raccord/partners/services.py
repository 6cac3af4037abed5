"""Partnership inquiries, coaching requests and follow-ups: one pipeline for the team."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from raccord.core import identity, outbox
from raccord.people import services as people
from raccord.people.models import Consent, Contact, Membership, Organisation, PartnershipKind

from .models import CoachingRequest, Interaction, PartnershipInquiry

CONTACT_WORDING = (
    "Vos coordonnées servent uniquement à vous répondre et à suivre notre échange. "
    "Vous pouvez consulter ou effacer vos données à tout moment sur /mes-donnees/."
)
WORDING_VERSION = "2025-01"
DUPLICATE_WINDOW = timedelta(hours=1)


class PartnershipError(Exception):
    """Raised with a French sentence the visitor or volunteer reads as is."""


def _admin_url(name: str, pk: int) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[pk])


def _tell_both_sides(mail: str, contact: Contact, context: dict, admin_view: str, pk: int):
    """`partners/<mail>_received` to the person; `<mail>_team` to the team, replying to them."""
    outbox.send(f"partners/{mail}_received", to=contact, context=context)
    outbox.send(
        f"partners/{mail}_team",
        to=identity.team_email(),
        reply_to=contact.email,
        context={**context, "person": contact, "admin_url": _admin_url(admin_view, pk)},
    )


def log_interaction(
    *,
    summary: str,
    channel: str = Interaction.Channel.EMAIL,
    organisation: Organisation | None = None,
    contact: Contact | None = None,
    next_step: str = "",
    due_date: date | None = None,
    owner=None,
    when: date | None = None,
) -> Interaction:
    if organisation is None and contact is None:
        raise PartnershipError("Un échange concerne une personne ou une organisation.")
    return Interaction.objects.create(
        date=when or timezone.localdate(),
        channel=channel,
        organisation=organisation,
        contact=contact,
        summary=summary,
        next_step=next_step[:300],
        due_date=due_date,
        owner=owner,
    )


def due_follow_ups(limit: int = 10) -> list[Interaction]:
    """Next steps due within a week or late, with who owns them: the admin home's first panel."""
    return list(
        Interaction.objects.due(within_days=7).select_related("organisation", "contact", "owner")[
            :limit
        ]
    )


def mark_done(interaction: Interaction) -> Interaction:
    """The next step is done: it leaves the follow-ups panel."""
    if interaction.done_at is None:
        interaction.done_at = timezone.now()
        interaction.save(update_fields=["done_at"])
    return interaction


def _sender(email: str, name: str, pronouns: str) -> Contact:
    """The sender's Contact: a new one keeps the pronouns given, a known one stays untouched."""
    return people.find_or_create(email=email, name=name, pronouns=(pronouns or "").strip()[:50])


def _remember_person(contact: Contact, source: str) -> Contact:
    people.record_consent(
        contact,
        Consent.Kind.CONTACT,
        source=source,
        wording=CONTACT_WORDING,
        wording_version=WORDING_VERSION,
    )
    return contact


@transaction.atomic
def submit_inquiry(
    *,
    email: str,
    name: str,
    organisation_name: str,
    message: str,
    role: str = "",
    pronouns: str = "",
    city: str = "",
    website: str = "",
    offers: list[PartnershipKind] | None = None,
) -> PartnershipInquiry:
    """A 'devenir partenaire' message: contact and organisation kept up to date, team notified.

    The same message sent twice within the hour is one inquiry (double clicks, reloads).
    """
    message = (message or "").strip()
    if not message:
        raise PartnershipError("Dites-nous en quelques mots ce que vous proposez.")
    contact = _sender(email, name, pronouns)
    existing = PartnershipInquiry.objects.filter(
        contact=contact, message=message, created_at__gte=timezone.now() - DUPLICATE_WINDOW
    ).first()
    if existing:
        return existing
    contact = _remember_person(contact, "partenaires/devenir-partenaire")
    people.add_roles(contact, "partner")
    if not " ".join((organisation_name or "").split()):
        raise PartnershipError("Le nom de l’organisation est obligatoire.")
    organisation = people.find_or_create_organisation(organisation_name, city=city, website=website)
    if organisation.stage == Organisation.Stage.PROSPECT:
        organisation.stage = Organisation.Stage.DISCUSSION
        organisation.save(update_fields=["stage", "updated_at"])
    Membership.objects.get_or_create(
        contact=contact, organisation=organisation, defaults={"title": role[:150]}
    )
    inquiry = PartnershipInquiry.objects.create(
        contact=contact, organisation=organisation, role=role[:150], message=message
    )
    if offers:
        inquiry.offers.set(offers)
        organisation.partnership_kinds.add(*offers)
    offers_text = ", ".join(kind.name for kind in offers or []) or "non précisé"
    # A known organisation's record stays as the team wrote it: what was typed goes in the log.
    given = " · ".join(
        f"{label} : {value}"
        for label, value in (("ville", city), ("site", website))
        if value.strip()
    )
    log_interaction(
        channel=Interaction.Channel.WEBSITE,
        organisation=organisation,
        contact=contact,
        summary=(
            f"Demande de partenariat reçue via le site (propose : {offers_text}"
            f"{' ; ' + given if given else ''}).\n\n{message}"
        ),
        next_step="Répondre à la demande de partenariat",
        due_date=timezone.localdate() + timedelta(days=7),
    )
    context = {"inquiry": inquiry, "organisation": organisation, "offers": offers_text}
    _tell_both_sides("inquiry", contact, context, "partnershipinquiry:edit", inquiry.pk)
    return inquiry


@transaction.atomic
def submit_coaching_request(
    *,
    email: str,
    name: str,
    offer: str,
    production: str,
    crew_size: int,
    needs: str,
    organisation_name: str = "",
    pronouns: str = "",
    shoot_start: date | None = None,
    shoot_end: date | None = None,
    location: str = "",
) -> CoachingRequest:
    """A request for a soirée-atelier, a training or coaching during a shoot; team notified."""
    if offer not in CoachingRequest.Offer.values:
        raise PartnershipError("Choisissez ce que vous souhaitez nous demander.")
    if not crew_size or crew_size < 1:
        raise PartnershipError("Indiquez la taille de l’équipe.")
    if shoot_start and shoot_end and shoot_end < shoot_start:
        raise PartnershipError("La fin du tournage doit venir après son début.")
    needs = (needs or "").strip()
    contact = _sender(email, name, pronouns)
    existing = CoachingRequest.objects.filter(
        contact=contact,
        needs=needs,
        production=production,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if existing:
        return existing
    contact = _remember_person(contact, "formations")
    organisation = None
    if organisation_name.strip():
        organisation = people.find_or_create_organisation(organisation_name)
        Membership.objects.get_or_create(contact=contact, organisation=organisation)
    request = CoachingRequest.objects.create(
        contact=contact,
        organisation=organisation,
        offer=offer,
        production=production[:200],
        crew_size=crew_size,
        shoot_start=shoot_start,
        shoot_end=shoot_end,
        location=location[:150],
        needs=needs,
    )
    log_interaction(
        channel=Interaction.Channel.WEBSITE,
        organisation=organisation,
        contact=contact,
        summary=(
            f"Demande reçue via le site : {request.get_offer_display()} pour « {production} » "
            f"({crew_size} personnes).\n\n{needs}"
        ),
        next_step="Répondre à la demande de formation ou d’accompagnement",
        due_date=timezone.localdate() + timedelta(days=7),
    )
    context = {"request_obj": request, "organisation": organisation}
    _tell_both_sides("coaching", contact, context, "coachingrequest:edit", request.pk)
    return request
