"""CSV import with a dry run, and the panels volunteers see on the admin home."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from raccord.partners import services as partners
from raccord.people import services
from raccord.people.models import Contact, Organisation

ORGS_CSV = """nom;type;ville;site;relation;natures;public
Ciné Lumière;lieu;Nantes;https://cine.example;en discussion;diffusion, accueil;oui
Festival X;festival;;;partenaire actif;;non
"""

CONTACTS_CSV = """email,nom,roles,organisation,fonction
 Alice@Example.org ,Alice,"bénévole, technicien",Ciné Lumière,projection
bob@example.org,Bob,,,
"""


@pytest.mark.django_db
def test_dry_run_previews_and_writes_nothing():
    report = services.import_organisations(ORGS_CSV, dry_run=True)
    assert [row.action for row in report.rows] == ["création", "création"]
    assert report.error_count == 0
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_import_organisations_then_contacts():
    report = services.import_organisations(ORGS_CSV, dry_run=False)
    assert report.applied and report.created == 2
    cine = Organisation.objects.get(name="Ciné Lumière")
    assert cine.stage == Organisation.Stage.DISCUSSION and cine.is_public
    assert set(cine.partnership_kinds.values_list("slug", flat=True)) == {"distribution", "hosting"}
    report = services.import_contacts(CONTACTS_CSV, dry_run=False)
    assert report.applied and report.created == 2
    alice = Contact.objects.get(email="alice@example.org")
    assert set(alice.roles.values_list("slug", flat=True)) == {"volunteer", "technician"}
    assert alice.memberships.get().title == "projection"
    again = services.import_contacts(CONTACTS_CSV.replace("Alice,", "Alice B,"), dry_run=True)
    assert [row.action for row in again.rows] == ["mise à jour", "mise à jour"]


@pytest.mark.django_db
def test_rows_with_errors_are_reported_one_by_one_and_block_the_import():
    text = """email,nom,roles,organisation
pas-une-adresse,X,,
ok@example.org,Ok,magicien·ne,
OK@example.org,Doublon,,
fine@example.org,Fine,,Orga Inconnue
"""
    report = services.import_contacts(text, dry_run=False)
    errors = {row.line: row.errors for row in report.rows}
    assert "invalide" in errors[2][0]
    assert "Rôle inconnu" in errors[3][0]
    assert "déjà plus haut" in errors[4][0]
    assert "Organisation inconnue" in errors[5][0]
    assert not report.applied
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_import_without_the_key_column_is_refused():
    with pytest.raises(services.PeopleError, match="email"):
        services.import_contacts("nom\nX\n")


@pytest.mark.django_db
def test_admin_import_preview_then_confirm(staff_client):
    upload = SimpleUploadedFile("orgs.csv", ORGS_CSV.encode(), content_type="text/csv")
    preview = staff_client.post(
        "/admin/contacts/importer/", {"kind": "organisations", "file": upload}
    )
    html = preview.content.decode()
    assert "Aperçu de l’import" in html and "Ciné Lumière" in html
    assert not Organisation.objects.exists()
    payload = preview.context["payload"]
    done = staff_client.post("/admin/contacts/importer/", {"payload": payload})
    assert done.status_code == 302
    assert Organisation.objects.count() == 2
    tampered = staff_client.post("/admin/contacts/importer/", {"payload": payload + "x"})
    assert tampered.status_code == 302
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_admin_home_shows_follow_ups_requests_and_soirees(staff_client, partners_demo, site):
    partners.submit_inquiry(
        email="new@example.org", name="Nouvelle", organisation_name="Lieu Neuf", message="Salut"
    )
    partners.submit_coaching_request(
        email="crew@example.org", name="Équipe", offer="training", production="Court X",
        crew_size=9, needs="Apprendre la météo.",
    )  # fmt: skip
    try:
        from raccord.people.tests.makers import _events

        has_events = _events(site, "spectatrice@example.org", "Spectatrice") == "events"
    except Exception:  # noqa: BLE001 - the events app is optional for this panel
        has_events = False
    html = staff_client.get("/admin/").content.decode()
    assert "Relances à faire" in html
    assert "Proposer deux dates de table ronde" in html  # late follow-up from the demo
    assert "en retard" in html
    assert "Relancer pour la programmation" not in html  # due in three weeks
    assert "Nouvelles demandes" in html
    assert "Demandes de partenariat" in html and "Lieu Neuf" in html
    assert "Demandes de formation" in html and "Court X" in html
    assert "Prochaines soirées" in html
    if has_events:
        assert "Soirée RGPD" in html and "2 / 40 places (5 %)" in html


@pytest.mark.django_db
def test_new_requests_panel_counts_every_kind_of_request(site):
    from raccord.core import dashboard
    from raccord.people.tests.makers import fill_every_app

    filled = fill_every_app(site, "demandeuse@example.org", "Demandeuse Test")
    rows = {row["label"]: row for row in dashboard.new_requests()}
    expected = {
        "partners": ["Demandes de partenariat", "Demandes de formation et d’accompagnement"],
        "core": ["Messages reçus"],
        "films": ["Demandes de projection et d’exposition"],
        "residencies": ["Candidatures aux résidences"],
    }
    for app, labels in expected.items():
        if app in filled:
            for label in labels:
                assert rows[label]["count"] == 1, label
                assert rows[label]["url"], label
