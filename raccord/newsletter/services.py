"""Infolettre operations: sign up, confirm, change preferences, unsubscribe, bounces, import.

Every visitor-facing answer is the same whether an address is new, pending or confirmed, so the
form never tells a stranger who is subscribed.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from raccord.core import csv_import, exports, outbox, signed_links
from raccord.people.digests import email_digests
from raccord.people.models import normalize_email

from .models import Subscriber, Suppression, Topic

# How often the infolettre goes out: one wording wherever the site promises it.
FREQUENCY = "quelques fois par an"
# Neutral on purpose: shown on every page (the footer form), it must cost no query, and the
# page around it already names the collective (core identity).
CONSENT_WORDING = (
    "J’accepte de recevoir l’infolettre du collectif à cette adresse. Je peux me désinscrire "
    "à tout moment grâce au lien présent dans chaque envoi. L’adresse n’est jamais transmise à "
    "un tiers et aucun envoi ne contient de traceur."
)


def consent_wording() -> str:
    """The sentence a subscriber agrees to (kept with the consent as its proof)."""
    return CONSENT_WORDING


CONSENT_VERSION = "2025-01"
CONFIRM_MAX_AGE = timedelta(days=7)
MANAGE_MAX_AGE = timedelta(days=730)
RESEND_AFTER = timedelta(minutes=10)
TOPICS_CACHE_KEY = "newsletter:public-topics:v1"

# Throwaway mailbox providers: an infolettre sent there reaches nobody.
DISPOSABLE_DOMAINS = frozenset(
    [
        "yopmail.com",
        "yopmail.fr",
        "yopmail.net",
        "jetable.org",
        "mailinator.com",
        "guerrillamail.com",
        "guerrillamail.net",
        "sharklasers.com",
        "10minutemail.com",
        "10minutemail.net",
        "tempmail.com",
        "temp-mail.org",
        "trashmail.com",
        "trashmail.fr",
        "throwawaymail.com",
        "getnada.com",
        "maildrop.cc",
        "dispostable.com",
        "fakeinbox.com",
        "mailnesia.com",
        "spamgourmet.com",
        "mytemp.email",
        "tempail.com",
        "mohmal.com",
        "emailondeck.com",
        "moakt.com",
        "tempr.email",
        "discard.email",
    ]
)


class NewsletterError(Exception):
    """Raised with a French sentence the visitor or volunteer reads as is."""


def check_address(email: str) -> str:
    """The normalised address, or a French error for malformed and throwaway ones."""
    email = normalize_email(email)
    if not email or any(c in email for c in "\r\n\0"):
        raise NewsletterError("Saisissez une adresse e-mail.")
    try:
        validate_email(email)
    except ValidationError as error:
        raise NewsletterError(
            "Cette adresse e-mail n’est pas valide : vérifiez qu’elle ressemble à nom@exemple.fr."
        ) from error
    domain = email.rsplit("@", 1)[1]
    if domain in DISPOSABLE_DOMAINS:
        raise NewsletterError(
            "Les adresses jetables ne peuvent pas recevoir l’infolettre : utilisez une adresse que "
            "vous consultez."
        )
    return email


def clean_name(name: str) -> str:
    """One line, no control characters, short: a name never ends up in a mail header anyway."""
    name = " ".join(str(name or "").split())
    return "".join(c for c in name if c.isprintable())[:100]


def public_topics() -> list[dict]:
    """Topics offered on the sign-up forms, cached so the footer of every page costs no query."""
    topics = cache.get(TOPICS_CACHE_KEY)
    if topics is None:
        topics = list(Topic.objects.filter(public=True).values("pk", "name", "slug", "description"))
        cache.set(TOPICS_CACHE_KEY, topics, 3600)
    return topics


def forget_topics_cache(**kwargs) -> None:
    """Topics changed: every page's footer form lists them, so cached pages go too."""
    from raccord.core import page_cache

    cache.delete(TOPICS_CACHE_KEY)
    page_cache.purge_all()


def default_topics():
    return Topic.objects.filter(public=True).order_by("position")[:1]


def manage_token(subscriber: Subscriber) -> str:
    return signed_links.make("newsletter.manage", subscriber.pk, max_age=MANAGE_MAX_AGE)


def subscriber_from_token(purpose: str, token: str) -> Subscriber:
    pk = signed_links.read(purpose, token)
    if isinstance(pk, dict):  # a confirmation link that carries what was asked (see below)
        pk = pk.get("s")
    subscriber = Subscriber.objects.select_related("contact").filter(pk=pk).first()
    if subscriber is None:
        raise signed_links.BadLink()
    return subscriber


def _send_confirmation(subscriber: Subscriber, topics=None, wording_version: str = "") -> None:
    """Mail the confirmation link; `topics` (a request for a known subscriber) travel in the
    link, so they apply only when the address's owner presses its button."""
    value = subscriber.pk
    if topics is not None:
        value = {"s": subscriber.pk, "t": [t.pk for t in topics], "w": wording_version}
    token = signed_links.make("newsletter.confirm", value, max_age=CONFIRM_MAX_AGE)
    topics = list(subscriber.topics.all()) if topics is None else list(topics)
    outbox.send(
        "newsletter/confirm",
        to=subscriber.contact,
        context={"subscriber": subscriber, "token": token, "topics": topics},
    )
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_sent_at"])


def _recently_mailed(subscriber: Subscriber) -> bool:
    sent = subscriber.confirmation_sent_at
    return sent is not None and timezone.now() - sent < RESEND_AFTER


@transaction.atomic
def subscribe(
    *,
    email: str,
    name: str = "",
    topics=None,
    source: str = "",
    wording_version: str = CONSENT_VERSION,
) -> Subscriber:
    """Start a double opt-in. Known address: nothing changes until its owner confirms by mail.

    Confirmed: a reminder with the preferences link. Pending, unsubscribed, bounced: a new
    confirmation link carrying the topics asked (rate-limited); the row stays as it is, since
    anyone may type anyone's address.
    """
    from raccord.people.services import find_or_create

    email = check_address(email)
    topics = list(topics) if topics else list(default_topics())
    contact = find_or_create(email=email, name=clean_name(name))
    subscriber = Subscriber.objects.select_for_update().filter(contact=contact).first()
    now = timezone.now()
    if subscriber is None:
        subscriber = Subscriber.objects.create(
            contact=contact, source=source[:300], wording_version=wording_version
        )
        subscriber.topics.set(topics)
        _send_confirmation(subscriber)
        return subscriber
    if subscriber.status == Subscriber.Status.CONFIRMED:
        # Topics change only through the signed preferences link; the owner gets a reminder.
        if not _recently_mailed(subscriber):
            outbox.send(
                "newsletter/already",
                to=contact,
                context={"subscriber": subscriber, "token": manage_token(subscriber)},
                headers=list_headers(subscriber),
            )
            subscriber.confirmation_sent_at = now
            subscriber.save(update_fields=["confirmation_sent_at"])
        return subscriber
    # Pending, unsubscribed, bounced or complained: the owner's button decides.
    if not _recently_mailed(subscriber):
        _send_confirmation(subscriber, topics=topics, wording_version=wording_version)
    return subscriber


def requested_in_link(token: str) -> dict:
    """What a confirmation link asks beyond the subscriber: topics and wording, if any."""
    value = signed_links.read("newsletter.confirm", token)
    if not isinstance(value, dict):
        return {}
    topics = list(Topic.objects.filter(pk__in=value.get("t") or []))
    return {"topics": topics or None, "wording_version": value.get("w") or ""}


def list_headers(subscriber: Subscriber) -> dict:
    """What every infolettre mail carries: RFC 8058 one-click unsubscribe (DKIM-signed mail)."""
    from .rendering import unsubscribe_url

    return {
        "List-Unsubscribe": f"<{unsubscribe_url(manage_token(subscriber))}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send_welcome(subscriber: Subscriber) -> None:
    from .models import NewsletterPage

    page = NewsletterPage.objects.live().only("welcome_text").first()
    welcome = page.welcome_text if page is not None else ""
    outbox.send(
        "newsletter/welcome",
        to=subscriber.contact,
        context={
            "subscriber": subscriber,
            "welcome_text": welcome,
            "token": manage_token(subscriber),
            "topics": list(subscriber.topics.all()),
        },
        headers=list_headers(subscriber),
    )


@transaction.atomic
def confirm(subscriber: Subscriber, *, topics=None, wording_version: str = "") -> Subscriber:
    """The link in the confirmation mail was followed and its button pressed: record the proof,
    with the topics and wording the link carries when it has them."""
    from raccord.people.services import record_consent

    subscriber = (
        Subscriber.objects.select_for_update().select_related("contact").get(pk=subscriber.pk)
    )
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber  # pressing twice changes nothing
    now = timezone.now()
    if topics:
        subscriber.topics.set(topics)
    if wording_version:
        subscriber.wording_version = wording_version
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = now
    subscriber.status_changed_at = now
    subscriber.unsubscribed_at = None
    subscriber.status_reason = ""
    subscriber.save()
    Suppression.remove(subscriber.email)
    record_consent(
        subscriber.contact,
        "newsletter",
        source=f"{subscriber.source or 'site'} (double confirmation par e-mail)",
        wording=consent_wording(),
        wording_version=subscriber.wording_version or CONSENT_VERSION,
    )
    _send_welcome(subscriber)
    return subscriber


def suppress(email: str, reason: str) -> None:
    Suppression.add(email, reason)


@transaction.atomic
def unsubscribe(subscriber: Subscriber, *, source: str = "lien de désinscription") -> Subscriber:
    """Stop every send to this person; idempotent; the address joins the suppression list."""
    from raccord.people.services import record_consent

    subscriber = (
        Subscriber.objects.select_for_update().select_related("contact").get(pk=subscriber.pk)
    )
    suppress(subscriber.email, Suppression.Reason.UNSUBSCRIBED)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return subscriber
    was_confirmed = subscriber.status == Subscriber.Status.CONFIRMED
    now = timezone.now()
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = now
    subscriber.status_changed_at = now
    subscriber.status_reason = source[:300]
    subscriber.save()
    if was_confirmed:
        record_consent(subscriber.contact, "newsletter", given=False, source=source)
    # Deliveries not yet sent for this person are dropped.
    from .models import Delivery

    subscriber.deliveries.filter(status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.FAILED, last_error="désinscrit·e avant l’envoi"
    )
    return subscriber


@transaction.atomic
def update_topics(subscriber: Subscriber, topics) -> Subscriber:
    topics = list(topics)
    if not topics:
        raise NewsletterError(
            "Choisissez au moins un thème, ou désinscrivez-vous avec le bouton en bas de page."
        )
    subscriber.topics.set(topics)
    return subscriber


@transaction.atomic
def mark_undeliverable(email: str, status: str, reason: str = "") -> Subscriber | None:
    """A bounce or a spam complaint: stop sending to this address and keep it suppressed."""
    subscriber = (
        Subscriber.objects.select_for_update().filter(contact__email=normalize_email(email)).first()
    )
    suppress(email, status)
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return subscriber
    if subscriber.status == Subscriber.Status.COMPLAINED and status == Subscriber.Status.BOUNCED:
        return subscriber
    subscriber.status = status
    subscriber.status_changed_at = timezone.now()
    subscriber.status_reason = reason[:300]
    subscriber.save(update_fields=["status", "status_changed_at", "status_reason"])
    return subscriber


# --- CSV import and export -------------------------------------------------------------

EMAIL_COLUMNS = (
    "email",
    "e-mail",
    "adresse e-mail",
    "adresse email",
    "courriel",
    "email address",
    "mail",
)
NAME_COLUMNS = ("prénom", "prenom", "first name", "firstname", "nom", "name", "full name")
TOPIC_COLUMNS = ("thèmes", "themes", "topics")
MAX_IMPORT_BYTES = csv_import.MAX_BYTES


class SubscriberImport(csv_import.CsvImport):
    """A Mailchimp/Brevo-style CSV: good rows in, broken rows reported, suppressed kept out."""

    kind = "abonné·es"
    required = (EMAIL_COLUMNS,)
    all_or_nothing = False  # an export from another tool always has a few dead addresses

    def __init__(self, *, source: str, topics):
        self.source = f"import : {source}"[:300]
        self.topics = list(topics)
        self.by_slug = {t.slug: t for t in Topic.objects.all()}
        self.suppressed = set(Suppression.objects.values_list("digest", flat=True))
        self.existing = {
            s.contact.email: s for s in Subscriber.objects.select_related("contact").all()
        }

    def check(self, row, seen):
        cell = row.get(*EMAIL_COLUMNS)
        row.found = {"email": cell[:254], "name": clean_name(row.get(*NAME_COLUMNS))}
        try:
            email = row.found["email"] = check_address(cell)
        except NewsletterError as error:
            row.errors.append(str(error))
            return
        if email in seen:
            row.errors.append("Adresse déjà présente plus haut dans le fichier.")
            return
        seen.add(email)
        current = self.existing.get(email)
        if current is not None and current.status == Subscriber.Status.CONFIRMED:
            row.errors.append("Déjà inscrite : rien à faire.")
        elif current is not None and current.status != Subscriber.Status.PENDING:
            row.errors.append("Adresse désinscrite ou en échec : elle ne sera pas réimportée.")
        if not self.suppressed.isdisjoint(email_digests(email)):
            row.errors[:] = ["Adresse désinscrite ou en échec : elle ne sera pas réimportée."]
        if row.errors:
            return
        row.found["topics"] = self.topics
        slugs = _split(row.get(*TOPIC_COLUMNS))
        unknown = [slug for slug in slugs if slug not in self.by_slug]
        if unknown:
            row.errors.append(f"Thème inconnu : {', '.join(unknown)}.")
            return
        if slugs:
            row.found["topics"] = [self.by_slug[slug] for slug in slugs]
        if not row.found["topics"]:
            row.errors.append("Aucun thème choisi pour cette adresse.")
            return
        row.action = "à importer"

    def apply(self, rows):
        from raccord.people.services import find_or_create, record_consent

        now = timezone.now()
        for row in rows:
            contact = find_or_create(
                email=row.found["email"], name=row.found["name"], fill_missing=True
            )
            subscriber, _ = Subscriber.objects.get_or_create(
                contact=contact, defaults={"source": self.source}
            )
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.source = self.source
            subscriber.confirmed_at = subscriber.confirmed_at or now
            subscriber.status_changed_at = now
            subscriber.wording_version = "import"
            subscriber.save()
            subscriber.topics.set(row.found["topics"])
            record_consent(
                contact,
                "newsletter",
                source=self.source,
                wording="Consentement recueilli hors du site (voir la provenance).",
                wording_version="import",
            )
            row.action = "importée"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def import_subscribers(
    content: bytes | str, *, source: str, topics, dry_run: bool = True
) -> csv_import.ImportReport:
    """Import subscribers who consented elsewhere (raccord.core.csv_import: preview, then apply).

    `source` (e.g. « formulaire papier soirée mars 2025 ») is kept as their proof of consent.
    """
    source = clean_name(source)
    if not source:
        raise NewsletterError("Indiquez d’où viennent ces adresses (preuve du consentement).")
    try:
        return SubscriberImport(source=source, topics=topics).run(content, dry_run=dry_run)
    except csv_import.CsvImportError as error:
        raise NewsletterError(str(error)) from error


def export_csv(subscribers) -> str:
    header = ["email", "prénom", "état", "thèmes", "inscrit·e le", "confirmé·e le", "provenance"]
    rows = (
        [
            s.contact.email,
            s.contact.name,
            s.get_status_display(),
            ",".join(t.slug for t in s.topics.all()),
            s.created_at,
            s.confirmed_at,
            s.source,
        ]
        for s in subscribers.select_related("contact").prefetch_related("topics")
    )
    return exports.csv_text(header, rows)
