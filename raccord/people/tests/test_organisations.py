"""One organisation finder for every app: a structure typed twice stays one organisation."""

import pytest

from raccord.people import services
from raccord.people.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_structure_typed_with_other_case_or_accents_is_the_same_organisation():
    first = services.find_or_create_organisation("École Louis-Lumière", city="Saint-Denis")
    assert services.find_or_create_organisation("  école   louis-lumière ") == first
    assert services.find_or_create_organisation("Ecole Louis-Lumiere") == first
    assert Organisation.objects.count() == 1
    assert first.stage == Organisation.Stage.PROSPECT
    assert first.kind == Organisation.Kind.OTHER


def test_a_known_organisation_is_never_changed_by_what_a_visitor_types():
    organisation = services.find_or_create_organisation("Atelier 7", city="Paris")
    again = services.find_or_create_organisation(
        "atelier 7", city="Lyon", website="https://atelier7.example.org"
    )
    assert again == organisation
    again.refresh_from_db()
    assert (again.city, again.website) == ("Paris", "")


def test_the_teams_import_fills_what_a_known_organisation_lacks_but_keeps_its_own():
    services.find_or_create_organisation("Atelier 7", city="Paris")
    again = services.find_or_create_organisation(
        "atelier 7", city="Lyon", website="https://atelier7.example.org", fill_missing=True
    )
    again.refresh_from_db()
    assert (again.city, again.website) == ("Paris", "https://atelier7.example.org")


def test_a_new_organisation_takes_the_kind_it_is_given():
    venue = services.find_or_create_organisation("Le DOC", kind=Organisation.Kind.VENUE)
    assert venue.kind == Organisation.Kind.VENUE


def test_an_organisation_needs_a_name():
    with pytest.raises(services.PeopleError):
        services.find_or_create_organisation("   ")
