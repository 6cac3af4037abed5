"""A campaign rendered once, then personalised per recipient by a string substitution.

`render_campaign` renders the body, inlines the CSS and quoted-printable-encodes both parts once;
`RenderedCampaign.as_bytes` then builds each recipient's raw message from those pieces, with no
MIME work per person: this is what keeps the bulk sender (sending.py) fast and small. The admin's
preview (Campaign.get_preview_context) uses the same rendering, without the sender.
"""

from __future__ import annotations

import binascii
import uuid
from dataclasses import dataclass
from email.header import Header
from email.utils import formataddr, formatdate, make_msgid, parseaddr

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from raccord.core import identity

from .blocks import render_blocks

TOKEN = "RACCORDxTOKENxPLACEHOLDER"
_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def site_url(path: str) -> str:
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def unsubscribe_url(token: str) -> str:
    return site_url(reverse("newsletter:unsubscribe", args=[token]))


def preferences_url(token: str) -> str:
    return site_url(reverse("newsletter:preferences", args=[token]))


# --- Rendering: once per campaign, then a string substitution per recipient ---------------


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _qp(text: str) -> bytes:
    encoded = binascii.b2a_qp(text.encode("utf-8"), quotetabs=False, istext=True, header=False)
    return encoded.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _qp_parts(text: str) -> list[bytes]:
    """Each piece around the token placeholder, quoted-printable encoded once per campaign."""
    return [_qp(piece) for piece in text.split(TOKEN)]


def _qp_token(token: str) -> bytes:
    # Soft line breaks around and inside the token keep every line under 76 characters.
    chunks = [token[i : i + 70] for i in range(0, len(token), 70)]
    return b"=\r\n" + b"=\r\n".join(c.encode("ascii") for c in chunks) + b"=\r\n"


@dataclass
class RenderedCampaign:
    subject: str
    text: str
    html: str
    from_email: str
    list_id: str

    def __post_init__(self):
        self._text_parts = _qp_parts(self.text)
        self._html_parts = _qp_parts(self.html)
        self._unsubscribe = unsubscribe_url(TOKEN).split(TOKEN)
        self._domain = parseaddr(self.from_email)[1].rpartition("@")[2] or "localhost"

    def personal(self, token: str) -> tuple[str, str]:
        return self.text.replace(TOKEN, token), self.html.replace(TOKEN, token)

    def html_sample(self) -> str:
        return self.html.replace(TOKEN, "apercu")

    def text_sample(self) -> str:
        return self.text.replace(TOKEN, "apercu")

    def headers(self, token: str) -> dict:
        return {
            "List-Unsubscribe": f"<{unsubscribe_url(token)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": self.list_id,
        }

    def as_bytes(self, to: str, token: str) -> bytes:
        """The whole message, built by hand from pieces encoded once: no MIME work per person."""
        boundary = f"=_raccord_{uuid.uuid4().hex}"
        head = (
            f"From: {self.from_email}\r\n"
            f"To: {to}\r\n"
            f"Subject: {self.subject}\r\n"
            f"Date: {formatdate(usegmt=True)}\r\n"
            f"Message-ID: {make_msgid(domain=self._domain)}\r\n"
            "MIME-Version: 1.0\r\n"
            f"List-Unsubscribe: <{token.join(self._unsubscribe)}>\r\n"
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
            f"List-Id: {self.list_id}\r\n"
            f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'
            "\r\n"
        )
        part = '--{b}\r\nContent-Type: text/{kind}; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        encoded_token = _qp_token(token)
        return b"".join(
            (
                head.encode("utf-8"),
                part.format(b=boundary, kind="plain").encode(),
                encoded_token.join(self._text_parts),
                b"\r\n",
                part.format(b=boundary, kind="html").encode(),
                encoded_token.join(self._html_parts),
                f"\r\n--{boundary}--\r\n".encode(),
            )
        )

    def as_message(self, to: str, token: str, subject_prefix: str = "") -> EmailMultiAlternatives:
        """The same mail as a Django message, for non-SMTP backends (tests, console)."""
        text, html = self.personal(token)
        message = EmailMultiAlternatives(
            subject=subject_prefix + self.plain_subject,
            body=text,
            from_email=self.from_email,
            to=[to],
            headers=self.headers(token),
        )
        message.attach_alternative(html, "text/html")
        return message

    @property
    def plain_subject(self) -> str:
        from email.header import decode_header, make_header

        return str(make_header(decode_header(self.subject)))


def render_campaign(campaign, subject_prefix: str = "") -> RenderedCampaign:
    web_url = site_url(campaign.get_absolute_url()) if campaign.slug else site_url("/infolettre/")
    collective = identity.for_site(None)
    context = {
        "campaign": campaign,
        "subject": campaign.subject,
        "preheader": campaign.preheader,
        "body_html": render_blocks(campaign.body, "mail"),
        "body_text": render_blocks(campaign.body, "text"),
        "web_url": web_url if campaign.in_archives else "",
        "unsubscribe_url": unsubscribe_url(TOKEN),
        "preferences_url": preferences_url(TOKEN),
        "site_url": settings.RACCORD_SITE_URL,
        "collective": collective,
    }
    html = _inliner.inline(render_to_string("mail/newsletter/campaign.html", context))
    text = render_to_string("mail/newsletter/campaign.txt", context)
    subject = _one_line(subject_prefix + campaign.subject)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    name = name or collective.name
    host = address.rpartition("@")[2] or "localhost"
    return RenderedCampaign(
        subject=Header(subject, "utf-8").encode().replace("\n", "\r\n")
        if not subject.isascii()
        else subject,
        text=text,
        html=html,
        from_email=formataddr((name, address), charset="utf-8"),
        list_id=f"Infolettre <infolettre.{host}>",
    )
