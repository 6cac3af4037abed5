"""The campaign sender: delivery rows claimed in batches, sent over one SMTP connection per batch.

Crash safety rests on two rules. A batch is claimed atomically (rows move from `queued` to
`sending` with a timestamp; on PostgreSQL with `SKIP LOCKED`, on SQLite under the write lock of
an IMMEDIATE transaction). Each delivery is marked `sent` in its own commit right after the SMTP
server accepted it. A worker killed mid-batch leaves its rows `sending`; once their lease expires
any worker claims them again. The only message that can reach someone twice is the one the
server accepted while the worker died before recording it: at most one per killed worker
(docs/newsletter.md).

Each task enqueues its successor *before* sending (delayed by the batch's expected duration), so
a SIGKILL never breaks the chain: restarting `manage.py db_worker` is enough to finish.
Messages are rendered once per campaign by rendering.py and written raw, per recipient.
"""

from __future__ import annotations

import contextlib
import logging
import os
import smtplib
import time
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from .models import Campaign, Delivery, Subscriber
from .rendering import RenderedCampaign, render_campaign

log = logging.getLogger(__name__)


def conf(name: str, default: float) -> float:
    """A sending setting: from Django settings, else the environment, else the default."""
    value = getattr(settings, f"RACCORD_NEWSLETTER_{name}", None)
    if value is None:
        value = os.environ.get(f"RACCORD_NEWSLETTER_{name}", default)
    return float(value)


def batch_size() -> int:
    return max(int(conf("BATCH_SIZE", 50)), 1)


def rate() -> float:
    """Messages per second for one campaign (0: as fast as the server accepts)."""
    return max(conf("RATE", 20), 0)


def lease() -> timedelta:
    """How long a claimed batch belongs to its worker; always well above a batch's duration."""
    seconds = conf("LEASE_SECONDS", 600)
    if rate():
        seconds = max(seconds, 3 * batch_size() / rate())
    return timedelta(seconds=seconds)


def max_attempts() -> int:
    return int(conf("MAX_ATTEMPTS", 6))


def backoff(attempt: int) -> timedelta:
    return timedelta(seconds=min(60 * 2 ** (attempt - 1), 3600) * conf("BACKOFF_FACTOR", 1))


# --- SMTP: one connection per batch -------------------------------------------------------


class Sender:
    """One connection for a batch: raw bytes over smtplib when SMTP, Django messages otherwise."""

    def __init__(self):
        self.backend = get_connection()
        self.smtp = isinstance(self.backend, SmtpBackend)
        self.envelope_from = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]

    def __enter__(self):
        self.backend.open()
        return self

    def __exit__(self, *exc):
        with contextlib.suppress(Exception):  # a dead connection needs no polite goodbye
            self.backend.close()

    def reopen(self) -> None:
        self.__exit__()
        self.backend.open()

    def send(self, rendered: RenderedCampaign, to: str, token: str) -> None:
        if self.smtp:
            self.backend.connection.sendmail(self.envelope_from, [to], rendered.as_bytes(to, token))
        else:
            self.backend.send_messages([rendered.as_message(to, token)])


def classify(error: Exception) -> str:
    """`permanent` (5xx: the address is refused), `temporary` (4xx) or `connection`."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return "permanent" if codes and all(500 <= c < 600 for c in codes) else "temporary"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "connection"
    if isinstance(error, smtplib.SMTPResponseException):
        if error.smtp_code in (421,):
            return "connection"
        return "permanent" if 500 <= error.smtp_code < 600 else "temporary"
    if isinstance(error, OSError):
        return "connection"
    return "temporary"


# --- Campaign lifecycle --------------------------------------------------------------------


TEST_TOKEN = "test"  # what a test mail's personal links carry (views answer with an explanation)


class SendingError(Exception):
    """Raised with a French sentence a volunteer reads in the admin."""


def expand(campaign: Campaign) -> int:
    """One delivery row per confirmed subscriber of the campaign's topics, created in bulk."""
    topics = list(campaign.topics.all())
    if not topics:
        raise SendingError("Choisissez au moins un thème avant l’envoi.")
    recipients = (
        Subscriber.objects.for_topics(topics).order_by("pk").values_list("pk", "contact__email")
    )
    now = timezone.now()
    rows, total = [], 0
    for pk, email in recipients.iterator(chunk_size=2000):
        rows.append(Delivery(campaign=campaign, subscriber_id=pk, email=email, next_attempt_at=now))
        if len(rows) >= 1000:
            Delivery.objects.bulk_create(rows, ignore_conflicts=True)
            total += len(rows)
            rows = []
    if rows:
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
        total += len(rows)
    return total


def start(campaign: Campaign) -> Campaign:
    """Send now: expand the recipients and start the first worker task after commit."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status not in (Campaign.Status.DRAFT, Campaign.Status.SCHEDULED):
            raise SendingError("Cette campagne a déjà été envoyée ou annulée.")
        total = expand(campaign)
        if not total:
            raise SendingError("Aucune personne inscrite aux thèmes choisis : rien à envoyer.")
        campaign.status = Campaign.Status.SENDING
        campaign.started_at = timezone.now()
        campaign.save(update_fields=["status", "started_at", "updated_at"])
        transaction.on_commit(lambda: enqueue(campaign.pk))
    return campaign


def schedule(campaign: Campaign, when) -> Campaign:
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not campaign.editable:
            raise SendingError("Cette campagne a déjà été envoyée ou annulée.")
        if when <= timezone.now():
            raise SendingError("Choisissez une date à venir, ou envoyez maintenant.")
        if not campaign.topics.exists():
            raise SendingError("Choisissez au moins un thème avant de programmer l’envoi.")
        campaign.status = Campaign.Status.SCHEDULED
        campaign.scheduled_at = when
        campaign.save(update_fields=["status", "scheduled_at", "updated_at"])

        def later():
            from .tasks import start_scheduled_campaign

            if start_scheduled_campaign.get_backend().supports_defer:
                start_scheduled_campaign.using(run_after=when).enqueue(campaign.pk)

        transaction.on_commit(later)
    return campaign


def unschedule(campaign: Campaign) -> Campaign:
    Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SCHEDULED).update(
        status=Campaign.Status.DRAFT, scheduled_at=None
    )
    campaign.refresh_from_db()
    return campaign


def start_if_due(campaign_id: int) -> str:
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None or campaign.status != Campaign.Status.SCHEDULED:
        return "not scheduled"
    if campaign.scheduled_at and campaign.scheduled_at > timezone.now() + timedelta(seconds=5):
        return "rescheduled"
    try:
        start(campaign)
    except SendingError as error:
        log.warning("scheduled campaign %s not started: %s", campaign_id, error)
        return str(error)
    return "started"


def stop(campaign: Campaign) -> Campaign:
    """Cancel what has not been sent yet; what was sent stays recorded."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status in (Campaign.Status.SENT, Campaign.Status.CANCELLED):
            return campaign
        campaign.deliveries.filter(status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.FAILED, last_error="envoi arrêté par l’équipe"
        )
        campaign.status = Campaign.Status.CANCELLED
        campaign.save(update_fields=["status", "updated_at"])
    return campaign


def enqueue(campaign_id: int, run_after=None) -> None:
    from .tasks import send_campaign

    task = send_campaign
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(campaign_id)


def claim(campaign_id: int, size: int, on_claimed=None) -> list[tuple[int, str, int | None]]:
    """Take up to `size` deliveries due now (or abandoned by a dead worker) for this worker.

    `on_claimed(batch)` runs inside the same transaction: the successor task it enqueues is
    committed together with the claim, so no instant exists where a kill breaks the chain.
    """
    now = timezone.now()
    mine = Delivery.objects.filter(campaign_id=campaign_id).order_by("pk")
    # Two plain queries rather than one OR: each walks the (campaign, status, id) index in order
    # and stops after `size` rows, so a claim costs the same at the end of a 100,000-recipient
    # campaign as at its start (the OR made SQLite scan every row already sent).
    abandoned = mine.filter(status=Delivery.Status.SENDING, claimed_at__lt=now - lease())
    queued = mine.filter(status=Delivery.Status.QUEUED, next_attempt_at__lte=now)
    with transaction.atomic():
        batch = []
        for rows in (abandoned, queued):
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)
            batch += rows.values_list("pk", "email", "subscriber_id")[: size - len(batch)]
            if len(batch) >= size:
                break
        if batch:
            Delivery.objects.filter(pk__in=[row[0] for row in batch]).update(
                status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
            if on_claimed is not None:
                on_claimed(batch)
    return batch


def next_wake(campaign_id: int):
    """When unfinished deliveries become claimable again; None when the campaign is done."""
    agg = Delivery.objects.filter(campaign_id=campaign_id).aggregate(
        queued=Min("next_attempt_at", filter=Q(status=Delivery.Status.QUEUED)),
        sending=Min("claimed_at", filter=Q(status=Delivery.Status.SENDING)),
    )
    times = [t for t in (agg["queued"], agg["sending"] and agg["sending"] + lease()) if t]
    return min(times) if times else None


def finish(campaign_id: int) -> None:
    from raccord.core import page_cache

    done = Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).update(
        status=Campaign.Status.SENT, sent_at=timezone.now()
    )
    if done:
        # Sent: it joins the archives, /infolettre/ and the sitemap (an update sends no signal).
        page_cache.purge_for(Campaign.objects.get(pk=campaign_id))


def _fast_commits(on: bool = True) -> None:
    # A worker killed by SIGKILL loses nothing committed, even without waiting for the WAL flush;
    # only a crash of the database server itself could forget the last few "sent" marks.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET synchronous_commit TO {'off' if on else 'DEFAULT'}")


def mark_sent(pk: int) -> None:
    """Record one acceptance in its own commit; plain SQL, since this runs once per message."""
    table = Delivery._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, sent_at = %s WHERE id = %s",
            [Delivery.Status.SENT.value, timezone.now(), pk],
        )


def send_batch(campaign: Campaign, rendered: RenderedCampaign, batch) -> dict:
    """Send one claimed batch over one connection, recording each outcome as it happens."""

    counts = {"sent": 0, "failed": 0, "retry": 0}
    per_second = rate()
    started = time.monotonic()
    _fast_commits()
    try:
        return _send_each(campaign, rendered, batch, counts, per_second, started)
    finally:
        with contextlib.suppress(Exception):  # other tasks of this worker keep durable commits
            _fast_commits(False)


def _send_each(campaign, rendered, batch, counts, per_second, started) -> dict:
    from .services import manage_token, mark_undeliverable

    with Sender() as sender:
        for index, (pk, email, subscriber_id) in enumerate(batch):
            if per_second:
                wait = started + index / per_second - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            token = manage_token(Subscriber(pk=subscriber_id)) if subscriber_id else "inconnu"
            try:
                sender.send(rendered, email, token)
            except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
                kind = classify(error)
                message = f"{type(error).__name__}: {error}"[:500]
                delivery = Delivery.objects.only("attempts").get(pk=pk)
                if kind == "permanent" or delivery.attempts >= max_attempts():
                    Delivery.objects.filter(pk=pk).update(
                        status=Delivery.Status.FAILED, last_error=message
                    )
                    counts["failed"] += 1
                    if kind == "permanent":
                        mark_undeliverable(email, Subscriber.Status.BOUNCED, message)
                else:
                    Delivery.objects.filter(pk=pk).update(
                        status=Delivery.Status.QUEUED,
                        last_error=message,
                        next_attempt_at=timezone.now() + backoff(delivery.attempts),
                    )
                    counts["retry"] += 1
                log.warning("campaign %s to %s: %s (%s)", campaign.pk, email, message, kind)
                if kind == "connection":
                    try:
                        sender.reopen()
                    except Exception:  # noqa: BLE001 - release the rest for a later task
                        rest = [row[0] for row in batch[index + 1 :]]
                        Delivery.objects.filter(pk__in=rest).update(
                            status=Delivery.Status.QUEUED,
                            attempts=F("attempts") - 1,
                            next_attempt_at=timezone.now() + backoff(1),
                        )
                        break
                continue
            mark_sent(pk)
            counts["sent"] += 1
    return counts


def run(campaign_id: int, *, deferrable: bool) -> dict:
    """One worker task: claim a batch, enqueue the successor, send; loop when tasks cannot wait."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    totals = {"sent": 0, "failed": 0, "retry": 0}
    if campaign is None or campaign.status != Campaign.Status.SENDING:
        return totals
    rendered = render_campaign(campaign)
    size = batch_size()

    def successor(batch):
        expected = timedelta(seconds=len(batch) / rate()) if rate() else timedelta(0)
        enqueue(campaign_id, run_after=timezone.now() + expected)

    while True:
        batch = claim(campaign_id, size, on_claimed=successor if deferrable else None)
        if not batch:
            wake = next_wake(campaign_id)
            if wake is None:
                finish(campaign_id)
            elif deferrable:
                enqueue(campaign_id, run_after=max(wake, timezone.now()))
            return totals
        for key, value in send_batch(campaign, rendered, batch).items():
            totals[key] += value
        if deferrable:
            return totals


def send_test(campaign: Campaign, email: str) -> None:
    """One copy to a volunteer, marked « [Test] »; its links lead to a harmless page."""
    from .services import check_address

    email = check_address(email)
    # Never a real token: a volunteer trying the unsubscribe link of a test stays subscribed,
    # and the link's page explains that it belongs to a test.
    token = TEST_TOKEN
    rendered = render_campaign(campaign, subject_prefix="[Test] ")
    with Sender() as sender:
        sender.send(rendered, email, token)


def resume_all() -> int:
    """Start due scheduled campaigns and re-kick sending ones (cron or after a long outage)."""
    count = 0
    now = timezone.now()
    for pk in Campaign.objects.filter(
        status=Campaign.Status.SCHEDULED, scheduled_at__lte=now
    ).values_list("pk", flat=True):
        start_if_due(pk)
        count += 1
    for pk in Campaign.objects.filter(status=Campaign.Status.SENDING).values_list("pk", flat=True):
        enqueue(pk)
        count += 1
    return count


def duplicate(campaign: Campaign) -> Campaign:
    """A new draft with the same content and topics: how a sent campaign is reused, never edited."""
    with transaction.atomic():
        copy = Campaign.objects.create(
            subject=campaign.subject,
            preheader=campaign.preheader,
            body=campaign.body.raw_data,
            in_archives=campaign.in_archives,
        )
        copy.topics.set(campaign.topics.all())
    return copy
