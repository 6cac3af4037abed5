"""GDPR across modules: export, erasure, audit log, and the public self-service."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.db import models

from raccord.core import registry, signed_links
from raccord.partners.models import Interaction
from raccord.people import gdpr_registry, services
from raccord.people.models import AuditEntry, Contact, Organisation
from raccord.people.tests.makers import REQUIRED, fill_every_app

EMAIL = "lea.martin@example.org"
NAME = "Léa Martin-Guérin"


@pytest.fixture
def lea(site):
    filled = fill_every_app(site, EMAIL, NAME)
    contact = Contact.objects.get(email=EMAIL)
    contact.notes = "Très investie, à recontacter."
    contact.save()
    services.add_roles(contact, "technician")
    return contact, filled


def every_text_value_in_tables_referencing_contact():
    """(table, value) for every text or JSON value of every model with a FK to Contact."""
    seen = set()
    for model, _ in services._fk_relations():
        if model in seen:
            continue
        seen.add(model)
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model._base_manager.values_list(*[f.attname for f in fields]):
            for value in row:
                if value:
                    yield model._meta.label, json.dumps(value, ensure_ascii=False)
    for row in Contact.objects.values_list("email", "name", "notes", "phone", "pronouns"):
        for value in row:
            yield "people.Contact", value


def test_export_holds_records_from_every_module(lea):
    contact, filled = lea
    assert set(filled) >= REQUIRED
    data = gdpr_registry.collect(contact)
    for app in filled + ["people"]:
        assert app in data and data[app], app
    assert data["people"]["fiche"]["email"] == EMAIL
    assert "Technicien·ne" in data["people"]["roles"]
    assert data["people"]["messages"][0]["objet"] == "Une question"
    assert data["partners"]["demandes_de_partenariat"][0]["message"] == f"Signé {NAME}."
    document = json.loads(gdpr_registry.export_json(contact))
    assert document["personne"] == EMAIL
    csv_text = gdpr_registry.export_csv(contact)
    assert csv_text.startswith("\ufeffmodule;donnee;valeur")
    assert "partners;demandes_de_formation[1].production;Film test" in csv_text


def test_the_csv_export_opens_in_a_french_spreadsheet_and_runs_nothing(lea):
    contact, filled = lea
    contact.notes = '=HYPERLINK("https://x.example/";"Voir")'
    contact.phone = "+33 6 12 34 56 78"
    contact.save()
    csv_text = gdpr_registry.export_csv(contact)
    assert csv_text.startswith("\ufeffmodule;donnee;valeur")
    rows = {
        (module, path): value
        for module, path, value in csv.reader(io.StringIO(csv_text[1:]), delimiter=";")
    }
    assert rows[("people", "fiche.notes_de_l_equipe")].startswith("'=HYPERLINK(")
    assert rows[("people", "fiche.telephone")] == "+33 6 12 34 56 78"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", rows[("people", "fiche.cree_le")])
    assert rows[("people", "consentements[1].accorde")] in {"Oui", "Non"}
    for leak in (";True", ";False", "+00:00", "T00:", ";None"):
        assert leak not in csv_text


def test_erasure_leaves_no_personal_data_in_any_table_referencing_a_contact(lea):
    contact, filled = lea
    interactions_for_org = Interaction.objects.filter(organisation__isnull=False).count()
    counts_before = {}
    if "events" in filled:
        from raccord.events.models import Registration

        counts_before["registrations"] = Registration.objects.count()
        counts_before["seats"] = sum(Registration.objects.values_list("seats", flat=True))
    report = gdpr_registry.erase(contact)

    assert report.app_errors == []
    leftovers = [
        (table, value)
        for table, value in every_text_value_in_tables_referencing_contact()
        if EMAIL in value.lower() or NAME.lower() in value.lower()
    ]
    assert leftovers == []
    if "events" in filled:  # anonymised, not deleted: the soirée's figures stay right
        assert Registration.objects.count() == counts_before["registrations"] == 1
        assert sum(Registration.objects.values_list("seats", flat=True)) == 2
    if "newsletter" in filled:  # the address is kept out of future sign-ups and imports
        from raccord.newsletter.models import Suppression

        assert Suppression.objects.filter(digest=Suppression.digest_for(EMAIL)).exists()
    assert Organisation.objects.filter(name="Ciné Test").exists()  # organisations are not people
    assert Interaction.objects.filter(organisation__isnull=False).count() <= interactions_for_org
    remaining = Contact.objects.filter(pk=contact.pk).first()
    if report.deleted_contact:
        assert remaining is None
    else:
        assert remaining.erased_at and remaining.email.endswith("@efface.invalid")
        assert remaining.name == remaining.notes == remaining.phone == ""
        assert not remaining.roles.exists()
        assert report.remaining  # the rows that keep counts right still point at it


def test_erasure_is_logged_without_personal_data(lea, staff):
    contact, _ = lea
    gdpr_registry.erase(contact, user=staff)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ERASE)
    assert entry.user == staff and entry.contact_ref == contact.pk
    assert len(entry.contact_hash) == 32
    dumped = json.dumps(entry.details, ensure_ascii=False).lower()
    assert "lea" not in dumped and "léa" not in dumped and "example.org" not in dumped


def test_an_erased_address_can_come_back_as_a_new_person(lea):
    contact, _ = lea
    gdpr_registry.erase(contact)
    again = services.find_or_create(email=EMAIL, name="Léa")
    assert again.pk != contact.pk and again.erased_at is None


@pytest.mark.django_db
def test_a_person_with_nothing_else_is_deleted_outright(db):
    contact = services.find_or_create(email="seul@example.org", name="Seul")
    report = gdpr_registry.erase(contact)
    assert report.deleted_contact
    assert not Contact.objects.filter(pk=contact.pk).exists()


@pytest.mark.django_db
def test_a_broken_app_does_not_stop_the_others(monkeypatch, db):
    from dataclasses import replace

    contact = services.find_or_create(email="x@example.org", name="X")

    def boom(contact):
        raise RuntimeError("bug")

    broken = replace(registry.gdpr.get("partners"), erase=boom)
    monkeypatch.setitem(registry.gdpr._entries, "partners", broken)  # same place in the order
    report = gdpr_registry.erase(contact)
    assert report.app_errors == ["partners"]
    assert not Contact.objects.filter(email="x@example.org").exists()


# --- admin ------------------------------------------------------------------------------


def test_admin_finds_a_person_and_sees_every_module(staff_client, lea):
    contact, filled = lea
    response = staff_client.get("/admin/contacts/rgpd/", {"email": " LEA.Martin@example.org"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Partenariats et formations" in html and "Fiche contact" in html
    assert "Signé" in html
    assert AuditEntry.objects.filter(action=AuditEntry.Action.LOOKUP).count() == 1
    unknown = staff_client.get("/admin/contacts/rgpd/", {"email": "nobody@example.org"})
    assert "Aucune personne" in unknown.content.decode()


def test_admin_exports_json_and_csv_by_post_only(staff_client, lea):
    contact, _ = lea
    url = f"/admin/contacts/rgpd/{contact.pk}/export/json/"
    refused = staff_client.get(url)
    assert refused.status_code in (302, 403) and "Content-Disposition" not in refused
    response = staff_client.post(url)
    assert response["Content-Disposition"].endswith('.json"')
    assert json.loads(response.content)["personne"] == EMAIL
    response = staff_client.post(f"/admin/contacts/rgpd/{contact.pk}/export/csv/")
    assert "text/csv" in response["Content-Type"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"export_json", "export_csv"} <= actions


def test_admin_erases_after_confirmation(staff_client, lea):
    contact, _ = lea
    url = f"/admin/contacts/rgpd/{contact.pk}/effacer/"
    assert "définitive" in staff_client.get(url).content.decode()
    assert Contact.objects.filter(email=EMAIL).exists()
    response = staff_client.post(url, {"confirm": "oui"})
    assert response.status_code == 302
    assert not Contact.objects.filter(email=EMAIL).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.ERASE).exists()


@pytest.mark.django_db
def test_audit_log_page_lists_actions(staff_client):
    contact = services.find_or_create(email="a@example.org")
    services.log(AuditEntry.Action.EXPORT_JSON, contact)
    html = staff_client.get("/admin/contacts/journal-rgpd/").content.decode()
    assert "Export JSON" in html and "a@example.org" not in html


@pytest.mark.django_db
def test_gdpr_tools_are_for_the_team_only(client, django_user_model):
    user = django_user_model.objects.create_user("visiteur", password="pw")
    client.force_login(user)
    assert client.get("/admin/contacts/rgpd/").status_code in (302, 403)


# --- self-service -----------------------------------------------------------------------


def link_in(mail) -> str:
    return re.search(r"http://testserver(/mes-donnees/acces/[^/\s]+/)", mail.body).group(1)


@pytest.mark.django_db
def test_self_service_page_is_cacheable(client):
    response = client.get("/mes-donnees/")
    assert response.status_code == 200
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_self_service_gives_the_same_answer_known_or_not(client, sent_mails):
    services.find_or_create(email="connue@example.org", name="Connue")
    known = client.post("/mes-donnees/", {"email": "Connue@example.org "}, follow=True)
    unknown = client.post("/mes-donnees/", {"email": "inconnue@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert known.redirect_chain == unknown.redirect_chain
    # The same work either way: one mail queued for each address, the link only for the known.
    link, none = sent_mails()
    assert link.to == ["connue@example.org"] and "/mes-donnees/acces/" in link.body
    assert none.to == ["inconnue@example.org"] and "aucune donnée" in none.body
    assert "/mes-donnees/acces/" not in none.body and none.alternatives
    assert Contact.objects.count() == 1  # nothing stored about the unknown address


@pytest.mark.django_db
def test_self_service_honeypot_and_rate_limit(client, sent_mails):
    """Without an ALTCHA proof (no JavaScript), three sends an hour, the honeypot's included."""
    services.find_or_create(email="connue@example.org")
    response = client.post("/mes-donnees/", {"email": "connue@example.org", "site_web": "x"})
    assert response.status_code == 303
    assert sent_mails() == []
    for n in range(2):
        client.post("/mes-donnees/", {"email": f"autre{n}@example.org"})
    assert client.post("/mes-donnees/", {"email": "autre@example.org"}).status_code == 429


@pytest.mark.django_db
def test_self_service_sends_at_most_three_links_an_hour_to_one_address(client, sent_mails):
    from raccord.people.views import MyDataView

    services.find_or_create(email="connue@example.org")
    spellings = ["connue@example.org", "Connue@example.org", "CONNUE@example.org"]
    spellings += [" connue@example.org", "connue@EXAMPLE.org"]  # not double submits
    for n, email in enumerate(spellings):  # from five client addresses: only the address limit
        response = client.post("/mes-donnees/", {"email": email}, REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 303
        assert response["Location"] == "/mes-donnees/lien-envoye/"
    assert len(sent_mails()) == 3
    assert MyDataView.neutral and MyDataView.address_field == "email"


@pytest.mark.django_db
def test_self_service_refuses_an_invalid_address_with_a_400(client, sent_mails):
    response = client.post("/mes-donnees/", {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert "ne semble pas valide" in response.content.decode()
    assert sent_mails() == []


def test_self_service_link_downloads_then_erases(client, lea, sent_mails):
    contact, _ = lea
    sent_mails()
    client.post("/mes-donnees/", {"email": EMAIL})
    mail = sent_mails()[-1]
    url = link_in(mail)
    page = client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert EMAIL in page.content.decode()
    download = client.post(url, {"format": "json"})
    assert json.loads(download.content)["donnees"]["partners"]
    assert client.post(url, {"format": "csv"})["Content-Type"].startswith("text/csv")

    erase_url = url.replace("/acces/", "/effacer/")
    assert "définitive" in client.get(erase_url).content.decode()  # GET never erases
    assert Contact.objects.filter(email=EMAIL).exists()
    done = client.post(erase_url, {"confirm": "oui"})
    assert "sont effacées" in done.content.decode()
    assert not Contact.objects.filter(email=EMAIL).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SELF_ERASE).exists()
    again = client.post(erase_url, {"confirm": "oui"})  # double click
    assert again.status_code == 200 and "sont effacées" in again.content.decode()
    gone = client.get(url)  # explains the data is gone, shows nothing
    assert gone.status_code == 400 and "déjà été effacées" in gone.content.decode()
    assert EMAIL not in gone.content.decode()


@pytest.mark.django_db
def test_tampered_or_expired_links_do_nothing(client):
    contact = services.find_or_create(email="connue@example.org", name="Connue")
    token = services.my_data_token(contact)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for url in (f"/mes-donnees/acces/{tampered}/", f"/mes-donnees/effacer/{tampered}/"):
        response = client.post(url, {"confirm": "oui", "format": "json"})
        assert response.status_code == 400
        assert "connue@example.org" not in response.content.decode()
    expired = signed_links.make(
        "people.my_data",
        {"c": contact.pk, "h": contact.email_digest},
        max_age=timedelta(seconds=-1),
    )
    response = client.post(f"/mes-donnees/effacer/{expired}/", {"confirm": "oui"})
    assert response.status_code == 400 and "expiré" in response.content.decode()
    forged = signed_links.make("people.my_data", {"c": contact.pk, "h": "0" * 32})
    assert client.post(f"/mes-donnees/effacer/{forged}/", {"confirm": "oui"}).status_code == 400
    assert Contact.objects.filter(pk=contact.pk, erased_at__isnull=True).exists()
