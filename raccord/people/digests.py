"""One digest of an e-mail address, for every place that must recognise a person without
keeping their address: the suppression list, the GDPR audit log, personal links, rate limits.

New digests are HMAC-SHA256 under `RACCORD_HASH_KEY`, a key of their own that never rotates
(docs/gdpr.md says why and how it is set). Digests stored before it existed took two other
forms, and must keep matching forever so that no past unsubscribe, bounce or erasure is
forgotten: the suppression list's unkeyed SHA-256, and the audit log's HMAC under SECRET_KEY.
Look-ups therefore compare with `email_digests(email)` (all forms); writes store only
`email_digest(email)`.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

LENGTH = 32  # hex characters: 128 bits of the HMAC, plenty for a keyed digest


def normalize_email(email: str) -> str:
    """Lower-cased and trimmed: `Julie@Ex.org ` and `julie@ex.org` are one person."""
    return (email or "").strip().lower()


def _hmac(key: str, email: str) -> str:
    return hmac.new(key.encode(), normalize_email(email).encode(), hashlib.sha256).hexdigest()


def email_digest(email: str) -> str:
    """The digest stored from now on: HMAC-SHA256 of the normalized address, dedicated key."""
    return _hmac(settings.RACCORD_HASH_KEY, email)[:LENGTH]


def legacy_digests(email: str) -> list[str]:
    """The forms stored before `RACCORD_HASH_KEY`: still matched, never written again."""
    return [
        # people.email_hash until 2026: HMAC keyed by SECRET_KEY (audit log, personal links).
        _hmac(settings.SECRET_KEY, email)[:LENGTH],
        # The newsletter's suppression list until 2026: unkeyed SHA-256 with a prefix.
        hashlib.sha256(f"raccord-suppression:{normalize_email(email)}".encode()).hexdigest(),
    ]


def email_digests(email: str) -> list[str]:
    """Every form a stored digest of this address may take, the current one first."""
    return [email_digest(email), *legacy_digests(email)]


def digest_matches(email: str, stored: str) -> bool:
    """Whether `stored` is a digest of `email`, in any form, compared in constant time."""
    stored = str(stored or "")
    return any(hmac.compare_digest(stored, digest) for digest in email_digests(email))
