"""A person can take their application data away, and have it erased without breaking counts."""

import pytest

from raccord.residencies import gdpr, services
from raccord.residencies.models import Application, Opinion

pytestmark = pytest.mark.django_db


def test_export_gives_the_application_with_its_self_description(apply_as):
    application = apply_as(diversity_consent=True, diversity={"gender": "woman"})
    data = gdpr.export(application.contact)
    (item,) = data["candidatures_aux_residences"]
    assert item["motivation"] == "Tourner autrement, à plusieurs."
    assert item["roles_souhaites"] == ["Son"]
    assert item["auto_description"] == {"Genre": "Femme"}


def test_nothing_to_export_for_someone_who_never_applied(site):
    from raccord.people.models import Contact

    assert gdpr.export(Contact.objects.create(email="x@example.org")) == {}


def test_erasure_anonymises_but_keeps_the_counts(apply_as, reviewers):
    application = apply_as(
        accessibility_needs="Fauteuil", diversity_consent=True, diversity={"gender": "woman"}
    )
    services.give_opinion(application, reviewers[0], "no", "Trop peu d’expérience en son")
    services.decide(application, "declined")
    contact = application.contact
    gdpr.erase(contact)
    application = Application.objects.get()
    assert application.contact is None and application.name == ""
    assert application.accessibility_needs == "" and application.diversity == {}
    assert application.anonymised_at is not None
    assert application.status == "declined"
    assert [r.role for r in application.roles.all()] == ["sound"]
    assert Opinion.objects.get().comment == ""
    assert gdpr.export(contact) == {}
