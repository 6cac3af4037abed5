"""The one path for every outgoing mail: a stored row, rendered once, sent after commit by a task.

`send()` renders `templates/mail/<template>.txt` and `.html` (and `.subject.txt` unless a
subject is given), stores the result and enqueues `deliver_mail` when the surrounding
transaction commits, so a rolled-back operation never mails anyone.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import logging
import smtplib
from datetime import timedelta

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone

log = logging.getLogger(__name__)

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)

# Set by `held()`: mails are stored, marked as not sent, and never handed to a worker.
_held_reason: contextvars.ContextVar[str] = contextvars.ContextVar("outbox_held", default="")


@contextlib.contextmanager
def held(reason: str):
    """Nobody is mailed inside this block (demo content: fictional people, real-looking
    addresses); each mail is still stored, as failed, with `reason`, so it can be read."""
    token = _held_reason.set(reason)
    try:
        yield
    finally:
        _held_reason.reset(token)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        SENDING = "sending", "Envoi en cours"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec définitif"

    template = models.CharField("modèle", max_length=100)
    to_email = models.EmailField("destinataire", max_length=254)
    from_email = models.CharField("expéditeur", max_length=300)
    reply_to = models.CharField("répondre à", max_length=300, blank=True)
    subject = models.CharField("objet", max_length=300)
    body_text = models.TextField("texte")
    body_html = models.TextField("HTML", blank=True)
    headers = models.JSONField("en-têtes", default=dict, blank=True)
    attachments = models.JSONField("pièces jointes", default=list, blank=True)
    status = models.CharField(
        "état", max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    last_error = models.TextField("dernière erreur", blank=True)
    next_attempt_at = models.DateTimeField("prochaine tentative", null=True, blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now, db_index=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        app_label = "core"
        verbose_name = "e-mail envoyé"
        verbose_name_plural = "e-mails envoyés"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"

    def as_message(self, connection=None) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body_text,
            from_email=self.from_email,
            to=[self.to_email],
            reply_to=[self.reply_to] if self.reply_to else None,
            headers=self.headers or None,
            connection=connection,
        )
        if self.body_html:
            message.attach_alternative(self.body_html, "text/html")
        for item in self.attachments:
            message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
        return message


def _one_line(text: str) -> str:
    """Subjects and header values never carry line breaks: no header injection."""
    return " ".join(str(text).split())


def render(template: str, context: dict) -> tuple[str, str, str]:
    from .identity import for_site

    context = {"site_url": settings.RACCORD_SITE_URL, "collective": for_site(None), **context}
    subject = render_to_string(f"mail/{template}.subject.txt", context)
    text = render_to_string(f"mail/{template}.txt", context)
    html = render_to_string(f"mail/{template}.html", context)
    return _one_line(subject), text, _inliner.inline(html)


def send(
    template: str,
    *,
    to,
    context: dict | None = None,
    subject: str | None = None,
    attachments: list[tuple[str, bytes | str, str]] | None = None,
    headers: dict | None = None,
    reply_to: str = "",
    from_email: str | None = None,
) -> OutgoingMail:
    """Store one mail for `to` and send it once the transaction commits.

    `to` is an address, or anything with an `email` attribute (a Contact), which templates
    then find as `contact`. The row keeps the address only: the outbox knows no app's models.
    """
    recipient = None if isinstance(to, str) else to
    to_email = str(recipient.email if recipient is not None else to).strip()
    context = {"contact": recipient, "to_email": to_email, **(context or {})}
    rendered_subject, text, html = render(template, context)
    stored_attachments = []
    for filename, content, mimetype in attachments or []:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        stored_attachments.append(
            {"filename": filename, "mimetype": mimetype, "content": base64.b64encode(raw).decode()}
        )
    mail = OutgoingMail.objects.create(
        template=template,
        to_email=to_email,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        reply_to=_one_line(reply_to),
        subject=_one_line(subject) if subject is not None else rendered_subject,
        body_text=text,
        body_html=html,
        headers={k: _one_line(v) for k, v in (headers or {}).items()},
        attachments=stored_attachments,
    )
    if _held_reason.get():
        mail.status = OutgoingMail.Status.FAILED
        mail.last_error = _held_reason.get()
        mail.save(update_fields=["status", "last_error"])
        return mail
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


# How long a worker may take to hand one mail to the SMTP server before it counts as dead.
SEND_LEASE = timedelta(minutes=15)


def enqueue(mail_id: int, delay: timedelta | None = None) -> None:
    from .tasks import deliver_mail

    task = deliver_mail
    if delay:
        if not task.get_backend().supports_defer:
            return  # immediate mode: `manage.py send_queued_mails` retries later
        task = task.using(run_after=timezone.now() + delay)
    task.enqueue(mail_id)


def backoff(attempt: int) -> timedelta:
    return timedelta(minutes=min(2 ** (attempt - 1), 60))


def is_permanent(error: Exception) -> bool:
    """5xx answers mean the address or the message is refused for good; the rest may pass later."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return False


def deliver(mail_id: int, connection=None) -> str:
    """Send one stored mail; safe to call twice (a sent mail is never sent again)."""
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status not in (OutgoingMail.Status.QUEUED,):
            return mail.status if mail else "missing"
        mail.status = OutgoingMail.Status.SENDING
        mail.attempts += 1
        # While sending, next_attempt_at is the lease: past it, retry_due() takes the mail as
        # abandoned by a dead worker (a mail queued long ago but sent now is not).
        mail.next_attempt_at = timezone.now() + SEND_LEASE
        mail.save(update_fields=["status", "attempts", "next_attempt_at"])
    try:
        mail.as_message(connection=connection or get_connection()).send()
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
        permanent = is_permanent(error) or mail.attempts >= settings.RACCORD_MAIL_MAX_ATTEMPTS
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        if permanent:
            mail.status = OutgoingMail.Status.FAILED
            mail.next_attempt_at = None
        else:
            mail.status = OutgoingMail.Status.QUEUED
            mail.next_attempt_at = timezone.now() + backoff(mail.attempts)
        mail.save(update_fields=["status", "last_error", "next_attempt_at"])
        log.warning("mail %s not sent (%s): %s", mail.pk, mail.status, mail.last_error)
        if not permanent:
            transaction.on_commit(lambda: enqueue(mail.pk, backoff(mail.attempts)))
        return mail.status
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.next_attempt_at = None
    mail.save(update_fields=["status", "sent_at", "next_attempt_at"])
    return mail.status


def retry_due(stale_after: timedelta = SEND_LEASE) -> int:
    """Re-enqueue mails whose retry time has come or whose worker died mid-send."""
    now = timezone.now()
    stuck = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING).filter(
        models.Q(next_attempt_at__lte=now)
        | models.Q(next_attempt_at__isnull=True, created_at__lt=now - stale_after)
    )
    stuck.update(status=OutgoingMail.Status.QUEUED, next_attempt_at=now)
    due = OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).filter(
        models.Q(next_attempt_at__lte=now)
        | models.Q(next_attempt_at__isnull=True, created_at__lt=now - stale_after)
    )
    ids = list(due.values_list("pk", flat=True))
    for pk in ids:
        enqueue(pk)
    return len(ids)
