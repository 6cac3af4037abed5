"""The suppression list keeps every past unsubscribe, bounce and erasure, whatever its digest."""

import pytest

from raccord.newsletter import services
from raccord.newsletter.models import Suppression
from raccord.people.digests import email_digest
from raccord.people.tests.test_digests import legacy_secret_key_digest, legacy_suppression_digest

pytestmark = pytest.mark.django_db


def test_an_address_suppressed_under_the_old_unkeyed_digest_stays_out_of_imports(topics):
    Suppression.objects.create(
        digest=legacy_suppression_digest("parti@example.org"),
        reason=Suppression.Reason.UNSUBSCRIBED,
    )
    assert Suppression.contains("Parti@example.org")
    report = services.import_subscribers(
        "email\nparti@example.org\nnouvelle@example.org\n",
        source="liste papier",
        topics=topics,
        dry_run=True,
    )
    assert [row.found["email"] for row in report.good] == ["nouvelle@example.org"]
    assert "désinscrite" in report.bad[0].error


def test_a_digest_keyed_by_the_secret_key_also_keeps_an_address_out(settings):
    Suppression.objects.create(
        digest=legacy_secret_key_digest("erased@example.org", settings.SECRET_KEY),
        reason=Suppression.Reason.ERASED,
    )
    assert Suppression.contains("erased@example.org")


def test_new_suppressions_store_only_the_new_digest_and_replace_an_old_one():
    Suppression.objects.create(
        digest=legacy_suppression_digest("rebond@example.org"),
        reason=Suppression.Reason.UNSUBSCRIBED,
    )
    services.suppress("rebond@example.org", Suppression.Reason.BOUNCED)
    (row,) = Suppression.objects.all()
    assert row.digest == email_digest("rebond@example.org")
    assert row.reason == Suppression.Reason.BOUNCED
