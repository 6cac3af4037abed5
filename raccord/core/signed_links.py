"""The one path for every signed link: single-purpose, expiring tokens carried in mails.

    token = signed_links.make("events.cancel", registration.pk, max_age=timedelta(days=90))
    pk = signed_links.read("events.cancel", token)  # raises BadLink

A link opens a page with a button; only the POST acts (mail scanners follow links).
"""

from datetime import timedelta

from django.core import signing
from django.utils import timezone


class BadLink(Exception):
    """Raised with a French sentence the visitor reads as is."""

    def __init__(self, message: str = "Ce lien n’est pas valide ou a expiré."):
        super().__init__(message)


def make(purpose: str, value, *, max_age: timedelta = timedelta(days=30)) -> str:
    expires = int((timezone.now() + max_age).timestamp())
    return signing.dumps({"v": value, "e": expires}, salt=f"raccord.{purpose}", compress=True)


def read(purpose: str, token: str):
    try:
        data = signing.loads(str(token)[:2000], salt=f"raccord.{purpose}")
    except signing.BadSignature as error:
        raise BadLink() from error
    if not isinstance(data, dict) or "v" not in data or "e" not in data:
        raise BadLink()
    if timezone.now().timestamp() > data["e"]:
        raise BadLink("Ce lien a expiré. Vous pouvez en demander un nouveau.")
    return data["v"]
