"""One digest of an address, keyed by its own stable key; digests stored earlier still match."""

import hashlib
import hmac

import pytest
from django.test import override_settings

from raccord.core import signed_links
from raccord.people import services
from raccord.people.digests import digest_matches, email_digest, email_digests
from raccord.people.services import MY_DATA_PURPOSE as PURPOSE


def legacy_suppression_digest(email):
    """The newsletter's unkeyed digest, as stored until the dedicated key existed."""
    return hashlib.sha256(f"raccord-suppression:{email.strip().lower()}".encode()).hexdigest()


def legacy_secret_key_digest(email, secret_key):
    """people.email_hash as stored until then: HMAC under SECRET_KEY, 32 hex characters."""
    return hmac.new(secret_key.encode(), email.strip().lower().encode(), "sha256").hexdigest()[:32]


def test_the_digest_is_keyed_by_the_dedicated_key_not_the_secret_key():
    with override_settings(RACCORD_HASH_KEY="a" * 40, SECRET_KEY="s" * 50):
        first = email_digest(" Lea@Example.org")
    with override_settings(RACCORD_HASH_KEY="a" * 40, SECRET_KEY="rotated" * 8):
        assert email_digest("lea@example.org") == first  # a rotated SECRET_KEY changes nothing
    with override_settings(RACCORD_HASH_KEY="b" * 40, SECRET_KEY="s" * 50):
        assert email_digest("lea@example.org") != first
    assert first != legacy_suppression_digest("lea@example.org")
    assert len(first) == 32


def test_both_legacy_forms_still_match(settings):
    email = "lea@example.org"
    assert digest_matches(email, legacy_suppression_digest(email))
    assert digest_matches(email, legacy_secret_key_digest(email, settings.SECRET_KEY))
    assert digest_matches(" LEA@example.org ", email_digest(email))
    assert not digest_matches("autre@example.org", legacy_suppression_digest(email))
    assert email_digests(email)[0] == email_digest(email)


@pytest.mark.django_db
def test_a_personal_link_made_with_the_legacy_digest_still_opens(client, settings):
    contact = services.find_or_create(email="connue@example.org", name="Connue")
    legacy = legacy_secret_key_digest(contact.email, settings.SECRET_KEY)
    token = signed_links.make(PURPOSE, {"c": contact.pk, "h": legacy})
    assert client.get(f"/mes-donnees/acces/{token}/").status_code == 200
