"""Organisations moved from partners to people (decision 0015): no row, link or history is lost.

The database is taken back to before the move, filled with the old models, then migrated
forward again; everything must still be there, read through the new models.
"""

from datetime import date

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from raccord.films.models import ScreeningRequest
from raccord.partners.models import Interaction, PartnershipInquiry
from raccord.people.models import Contact, Membership, Organisation, PartnershipKind
from raccord.residencies.models import FundingSource, ResidencyIndexPage, ResidencyPage

BEFORE_THE_MOVE = [
    ("people", "0003_default_roles"),
    ("partners", "0003_default_partnership_kinds"),
    ("films", "0002_values_in_english"),
    ("residencies", "0004_values_in_english"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _migrate_back_to_latest(latest):
    """The database as the other tests expect it, and the content type cache warm again: the
    data put back after this test's flush is saved with signals that look content types up,
    and a cold cache would insert them anew under other ids."""
    _migrate(latest)
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*django_apps.get_models(include_auto_created=True))


def _first_choice(model, name):
    return model._meta.get_field(name).choices[0][0]


def _fill_the_old_database(old, residency_pk):
    """Rows written with the models as they were before the move, as a live site had them."""
    OldKind = old.get_model("partners", "PartnershipKind")
    OldOrganisation = old.get_model("partners", "Organisation")
    kind = OldKind.objects.create(slug="tournage-test", name="Tournage", sort_order=9)
    organisation = OldOrganisation.objects.create(
        name="Le Bruit Qui Court", slug="le-bruit-qui-court", city="Rennes", is_public=True
    )
    organisation.partnership_kinds.add(kind)
    contact = old.get_model("people", "Contact").objects.create(
        email="colin@example.org", name="Colin"
    )
    old.get_model("people", "Membership").objects.create(
        contact=contact, organisation=organisation, title="production"
    )
    inquiry = old.get_model("partners", "PartnershipInquiry").objects.create(
        contact=contact, organisation=organisation, message="Accueillir une projection"
    )
    inquiry.offers.add(kind)
    Interaction_ = old.get_model("partners", "Interaction")
    Interaction_.objects.create(
        organisation=organisation,
        channel=_first_choice(Interaction_, "channel"),
        summary="Premier appel",
    )
    OldRequest = old.get_model("films", "ScreeningRequest")
    OldRequest.objects.create(
        kind=_first_choice(OldRequest, "kind"),
        venue_kind=_first_choice(OldRequest, "venue_kind"),
        budget=_first_choice(OldRequest, "budget"),
        contact=contact,
        organisation=organisation,
        organisation_name=organisation.name,
        city="Rennes",
        date_from=date(2030, 3, 9),
        fingerprint="move-test",
    )
    OldResidency = old.get_model("residencies", "ResidencyPage")
    partners_link = OldResidency._meta.get_field("partners").remote_field.through
    partners_link.objects.create(residencypage_id=residency_pk, organisation_id=organisation.pk)
    OldFunding = old.get_model("residencies", "FundingSource")
    OldFunding.objects.create(
        residency_id=residency_pk,
        organisation=organisation,
        kind=_first_choice(OldFunding, "kind"),
        name="Aide du lieu",
        amount=1200,
    )
    return organisation, kind


def _history_of_the_old_content_types(old, organisation):
    """A group allowed to edit organisations, a log entry about one, and a content type row for
    people.organisation left by a `migrate` that ran the new code early (it must be merged)."""
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    old_type = OldContentType.objects.get_or_create(app_label="partners", model="organisation")[0]
    change = OldPermission.objects.get_or_create(
        content_type=old_type,
        codename="change_organisation",
        defaults={"name": "Can change organisation"},
    )[0]
    early_type = OldContentType.objects.create(app_label="people", model="organisation")
    early_view = OldPermission.objects.create(
        content_type=early_type, codename="view_organisation", name="Can view organisation"
    )
    early_change = OldPermission.objects.create(
        content_type=early_type, codename="change_organisation", name="Can change organisation"
    )
    team = old.get_model("auth", "Group").objects.create(name="Équipe partenariats")
    team.permissions.add(change, early_view, early_change)
    old.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=old_type,
        label=organisation.name,
        action="wagtail.edit",
        timestamp="2025-03-09T18:00:00Z",
        object_id=str(organisation.pk),
    )
    kind_type = OldContentType.objects.get_or_create(app_label="partners", model="partnershipkind")
    return old_type.pk, kind_type[0].pk


@pytest.fixture
def residency(site):
    index = ResidencyIndexPage(title="Résidences", slug="residences")
    site.root_page.add_child(instance=index)
    page = ResidencyPage(
        title="Résidence-laboratoire",
        slug="mars-2024",
        place="Bascule Argoat",
        start_date=date(2024, 3, 4),
        end_date=date(2024, 3, 15),
    )
    index.add_child(instance=page)
    return page


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_organisations_keep_every_row_link_and_history_across_the_move(residency):
    residency_pk = residency.pk
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE_THE_MOVE)
        organisation, kind = _fill_the_old_database(old, residency_pk)
        organisation_type, kind_type = _history_of_the_old_content_types(old, organisation)
        _migrate(latest)
    finally:
        _migrate_back_to_latest(latest)

    moved = Organisation.objects.get(pk=organisation.pk)
    assert moved.name == "Le Bruit Qui Court" and moved.city == "Rennes" and moved.is_public
    assert list(moved.partnership_kinds.values_list("slug", flat=True)) == ["tournage-test"]
    assert PartnershipKind.objects.get(pk=kind.pk).organisations.get() == moved
    membership = Membership.objects.get(organisation=moved)
    assert membership.contact == Contact.objects.get(email="colin@example.org")
    assert membership.title == "production"
    inquiry = PartnershipInquiry.objects.get(organisation=moved)
    assert list(inquiry.offers.all()) == [PartnershipKind.objects.get(pk=kind.pk)]
    assert Interaction.objects.get(organisation=moved).summary == "Premier appel"
    assert ScreeningRequest.objects.get(fingerprint="move-test").organisation == moved
    assert list(ResidencyPage.objects.get(pk=residency_pk).partners.all()) == [moved]
    assert FundingSource.objects.get(name="Aide du lieu").organisation == moved

    # The content types were renamed in place: same ids, so history and grants follow.
    assert ContentType.objects.get_for_model(Organisation).pk == organisation_type
    assert ContentType.objects.get_for_model(PartnershipKind).pk == kind_type
    assert not ContentType.objects.filter(app_label="partners", model="organisation").exists()
    assert ContentType.objects.filter(model="organisation").count() == 1
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(object_id=str(moved.pk), label=moved.name)
    assert entry.content_type_id == organisation_type
    team = Group.objects.get(name="Équipe partenariats")
    granted = {(p.content_type_id, p.codename) for p in team.permissions.all()}
    assert granted == {
        (organisation_type, "change_organisation"),
        (organisation_type, "view_organisation"),
    }
