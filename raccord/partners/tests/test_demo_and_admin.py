"""Demo content and the team's admin screens for partners."""

import pytest

from raccord.core.demo_support import DemoContext
from raccord.partners import demo, services
from raccord.partners.models import Interaction, PartnershipInquiry
from raccord.people.models import Contact, Organisation


def snapshot():
    return (
        Organisation.objects.count(),
        Contact.objects.count(),
        Interaction.objects.count(),
        list(Organisation.objects.values_list("name", "stage", "logo_id").order_by("name")),
    )


@pytest.mark.django_db
def test_demo_loads_the_brochure_partners_and_runs_twice_unchanged(partners_page, site):
    names = set(Organisation.objects.values_list("name", flat=True))
    for name in (
        "Bascule Argoat", "Atelier 7", "Le Bruit Qui Court", "Black Ship", "Louis Lumière",
        "Pola", "Paris 1", "La Fémis", "ESCAT", "SPIAC-CGT", "Les Toiles Vertes", "A.R.T.S.",
        "Agir pour le Vivant", "Festival Résistances",
    ):  # fmt: skip
        assert name in names
    assert not Organisation.objects.filter(is_public=True, logo__isnull=True).exists()
    assert Interaction.objects.due().exists()
    before = snapshot()
    ctx = DemoContext(site=site, home=site.root_page.specific)
    demo.load(ctx)
    assert snapshot() == before
    assert ctx.created == []


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/organisation/",
        "/admin/interaction/",
        "/admin/partnershipinquiry/",
        "/admin/coachingrequest/",
        "/admin/partnershipkind/",
    ],
)
def test_partner_listings_open_and_export_csv(staff_client, partners_page, url):
    assert staff_client.get(url).status_code == 200
    export = staff_client.get(url + "?export=csv")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")


@pytest.mark.django_db
def test_organisation_listing_filters_and_inspect(staff_client, partners_page):
    html = staff_client.get("/admin/organisation/?stage=active").content.decode()
    assert "Bascule Argoat" in html and "La Fémis" not in html
    csv = b"".join(staff_client.get("/admin/organisation/?export=csv").streaming_content)
    assert "SPIAC-CGT" in csv.decode()
    org = Organisation.objects.get(name="SPIAC-CGT")
    inspect = staff_client.get(f"/admin/organisation/inspect/{org.pk}/")
    assert "CLAP" in inspect.content.decode()
    assert "Sacha Moreau" in inspect.content.decode()


@pytest.mark.django_db
def test_follow_up_can_be_marked_done_from_the_admin_home(staff_client, partners_page):
    item = Interaction.objects.due().first()
    response = staff_client.post(f"/admin/partenaires/echanges/{item.pk}/fait/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done_at is not None
    assert item not in Interaction.objects.due()


@pytest.mark.django_db
def test_inquiry_edit_page_opens_for_the_team(staff_client, partners_page, inquiry_data, client):

    inquiry = services.submit_inquiry(
        email="x@example.org", name="X", organisation_name="Orga X", message="Bonjour"
    )
    response = staff_client.get(f"/admin/partnershipinquiry/edit/{inquiry.pk}/")
    assert response.status_code == 200
    assert PartnershipInquiry.objects.filter(contact__email="x@example.org").count() == 1


@pytest.mark.django_db
def test_team_adds_an_organisation_with_kinds(staff_client, partners_page):
    from raccord.people.models import PartnershipKind

    kind = PartnershipKind.objects.get(slug="funding")
    response = staff_client.post(
        "/admin/organisation/new/",
        {
            "name": "Fondation Exemple",
            "kind": "foundation",
            "circle": "partner",
            "stage": "prospect",
            "partnership_kinds": [kind.pk],
            "website": "fondation.example",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get(name="Fondation Exemple")
    assert org.website == "https://fondation.example"
    assert list(org.partnership_kinds.all()) == [kind]


@pytest.mark.django_db
def test_done_follow_ups_leave_the_admin_home_panel(partners_page):
    from raccord.partners import dashboard

    due = dashboard.follow_ups()
    assert due
    services.mark_done(due[0])
    assert due[0] not in dashboard.follow_ups()
    assert Interaction.objects.filter(done_at__isnull=False).count() == 1
