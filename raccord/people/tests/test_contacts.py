"""One person, one Contact: normalization, merging duplicates, the admin listing."""

import pytest

from raccord.core import outbox
from raccord.partners import services as partners
from raccord.partners.models import Interaction, PartnershipInquiry
from raccord.people import services
from raccord.people.models import AuditEntry, Consent, Contact, Membership, Organisation, Role


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant", ["JULIE@Example.org", "  julie@example.org  ", "Julie@EXAMPLE.ORG\t"]
)
def test_any_case_or_spaces_is_the_same_contact(variant):
    first = services.find_or_create(email="julie@example.org", name="Julie")
    assert services.find_or_create(email=variant).pk == first.pk
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_saving_a_contact_normalizes_its_address():
    contact = Contact.objects.create(email="  Paul@Example.ORG ")
    assert contact.email == "paul@example.org"
    assert Contact.objects.by_email("PAUL@example.org ").get() == contact


@pytest.fixture
def two_people(db):
    keep = services.find_or_create(email="colin@example.org", name="Colin")
    duplicate = services.find_or_create(email="colin.pro@example.org", name="Colin D.")
    duplicate.phone = "06 00 00 00 00"
    duplicate.notes = "Rencontré à la soirée de mars."
    duplicate.save()
    return keep, duplicate


@pytest.mark.django_db
def test_merge_moves_every_related_record_and_removes_the_duplicate(two_people, site):
    keep, duplicate = two_people
    org = Organisation.objects.create(name="Atelier 7")
    other_org = Organisation.objects.create(name="Pola")
    Membership.objects.create(contact=keep, organisation=org, title="régie")
    Membership.objects.create(contact=duplicate, organisation=org, title="doublon")  # clash
    Membership.objects.create(contact=duplicate, organisation=other_org)
    duplicate.roles.add(Role.objects.get(slug="volunteer"), Role.objects.get(slug="technician"))
    keep.roles.add(Role.objects.get(slug="technician"))
    services.record_consent(duplicate, Consent.Kind.NEWSLETTER, source="test")
    partners.submit_inquiry(
        email=duplicate.email, name="", organisation_name="Pola", message="Bonjour"
    )
    outbox.send("core/test", to=duplicate, context={"name": "Colin"})

    report = services.merge_contacts(keep, duplicate)

    assert not Contact.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert keep.phone == "06 00 00 00 00"
    assert "soirée de mars" in keep.notes
    assert keep.name == "Colin"  # never overwritten
    assert set(keep.roles.values_list("slug", flat=True)) == {
        "volunteer",
        "technician",
        "partner",
    }
    assert set(keep.memberships.values_list("organisation__name", flat=True)) == {
        "Atelier 7",
        "Pola",
    }
    assert keep.memberships.get(organisation=org).title == "régie"
    assert keep.consents.filter(kind=Consent.Kind.NEWSLETTER).exists()
    assert PartnershipInquiry.objects.get().contact == keep
    assert Interaction.objects.filter(contact=keep).exists()
    # The outbox keeps addresses: erasing the kept person also forgets mails to the merged one.
    from raccord.core.outbox import OutgoingMail
    from raccord.people import gdpr_registry

    assert OutgoingMail.objects.filter(to_email="colin.pro@example.org").count() >= 2
    gdpr_registry.erase(keep)
    assert not OutgoingMail.objects.filter(to_email="colin.pro@example.org").exists()
    assert report.dropped["people.Membership.contact"] == 1  # the kept person's title wins
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MERGE)
    assert entry.contact_ref == keep.pk
    assert "colin" not in str(entry.details).lower()


@pytest.mark.django_db
def test_merge_covers_relations_from_every_app(two_people, site):
    """Introspection: whatever app points at Contact, nothing is left on the duplicate."""
    from raccord.people.tests.makers import fill_every_app

    keep, duplicate = two_people
    fill_every_app(site, duplicate.email, duplicate.name)
    before = services.linked_rows(duplicate)
    assert len(before) >= 4
    duplicate_pk = duplicate.pk
    services.merge_contacts(keep, duplicate)
    after = services.linked_rows(keep)
    for label, count in before.items():
        assert after.get(label, 0) >= count, label
    stale = Contact(pk=duplicate_pk)
    assert services.linked_rows(stale) == {}


@pytest.mark.django_db
def test_merging_a_contact_with_itself_is_refused(two_people):
    keep, _ = two_people
    with pytest.raises(services.PeopleError, match="deux contacts différents"):
        services.merge_contacts(keep, keep)


@pytest.mark.django_db
def test_addresses_left_with_spaces_by_old_data_are_found_and_merged(db):
    first = services.find_or_create(email="lou@example.org", name="Lou")
    second = services.find_or_create(email="other@example.org")
    Contact.objects.filter(pk=second.pk).update(email=" lou@example.org")  # a raw, old import
    services.record_consent(second, Consent.Kind.PHOTOS)
    groups = services.duplicate_groups()
    assert [[c.pk for c in group] for group in groups] == [[first.pk, second.pk]]
    assert services.merge_all_duplicates() == 1
    assert Contact.objects.get().consents.filter(kind=Consent.Kind.PHOTOS).exists()


@pytest.mark.django_db
def test_admin_merge_previews_then_merges(staff_client, two_people):
    keep, duplicate = two_people
    services.record_consent(duplicate, Consent.Kind.PHOTOS)
    preview = staff_client.get(
        f"/admin/contacts/fusionner/?keep={keep.pk}&duplicate={duplicate.pk}"
    )
    assert "Personnes · consentements : 1" in preview.content.decode()
    response = staff_client.post(
        "/admin/contacts/fusionner/", {"keep": keep.pk, "duplicate": duplicate.pk}
    )
    assert response.status_code == 302
    assert not Contact.objects.filter(pk=duplicate.pk).exists()
    assert keep.consents.count() == 1


@pytest.mark.django_db
def test_admin_refuses_a_second_contact_with_the_same_address_in_capitals(staff_client):
    services.find_or_create(email="ines@example.org")
    response = staff_client.post(
        "/admin/contact/new/",
        {
            "email": " INES@Example.org ",
            "name": "Inès",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_contact_listing_filters_searches_and_exports(staff_client, partners_demo):
    html = staff_client.get("/admin/contact/?q=kerbrat").content.decode()
    assert "Camille Kerbrat" in html and "Sacha Moreau" not in html
    role = Role.objects.get(slug="performer")
    html = staff_client.get(f"/admin/contact/?roles={role.pk}").content.decode()
    assert "Inès Roux" in html and "Camille Kerbrat" not in html
    export = staff_client.get("/admin/contact/?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "camille.kerbrat@example.org" in body and "Bascule Argoat" in body
    contact = Contact.objects.get(email="camille.kerbrat@example.org")
    assert (
        "Bascule Argoat"
        in staff_client.get(f"/admin/contact/inspect/{contact.pk}/").content.decode()
    )
    assert staff_client.get(f"/admin/contact/edit/{contact.pk}/").status_code == 200
