"""The team's side: campaigns (preview, test, schedule, send, progress), import and export."""

import io

import pytest
from django.utils import timezone

from raccord.newsletter import services
from raccord.newsletter.models import Campaign, Subscriber, Suppression

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, django_user_model):
    user = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "pw")
    client.force_login(user)
    return client


def test_the_send_page_tests_then_sends_and_shows_progress(
    team, smtp_sink, make_subscriber, campaign, run_on_commit
):
    make_subscriber("ana@example.org")
    url = f"/admin/infolettre/campagnes/{campaign.pk}/envoi/"
    page = team.get(url).content.decode()
    assert "Envoyer un test" in page and "1 personne inscrite" in page

    team.post(url, {"action": "test", "email": "benevole@example.org"})
    assert [m["Subject"] for m in smtp_sink.messages] == [f"[Test] {campaign.subject}"]

    response = team.post(url, {"action": "send", "confirmed": "yes"}, follow=True)
    html = response.content.decode()
    assert "Envoi lancé" in html
    assert "Arrêter l’envoi" in html and 'http-equiv="refresh"' in html
    run_on_commit()  # the worker task
    html = team.get(url).content.decode()
    assert "<progress" in html and "Envoyés : <strong>1</strong> sur 1" in html
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert (
        team.get(f"/admin/infolettre/campagnes/{campaign.pk}/progression.json").json()["sent"] == 1
    )


def test_scheduling_needs_a_future_date(team, campaign):
    url = f"/admin/infolettre/campagnes/{campaign.pk}/envoi/"
    response = team.post(url, {"action": "schedule", "when": "2020-01-01T10:00"}, follow=True)
    assert "date à venir" in response.content.decode()
    future = (timezone.localtime() + timezone.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    team.post(url, {"action": "schedule", "when": future})
    campaign.refresh_from_db()
    assert campaign.status == "scheduled"
    team.post(url, {"action": "unschedule"})
    campaign.refresh_from_db()
    assert campaign.status == "draft"


def test_campaign_listing_edit_and_preview(team, campaign, topics):
    listing = team.get("/admin/snippets/newsletter/campaign/")
    assert listing.status_code == 200 and campaign.subject in listing.content.decode()
    assert team.get(f"/admin/snippets/newsletter/campaign/edit/{campaign.pk}/").status_code == 200
    preview = team.get(f"/admin/snippets/newsletter/campaign/preview/{campaign.pk}/")
    assert preview.status_code in (200, 405)
    assert team.get("/admin/snippets/newsletter/subscriber/").status_code == 200
    admin_home = team.get("/admin/").content.decode()
    for label in ("Infolettre", "Campagnes", "Abonn", "Th\\u00e8mes", "Importer / exporter"):
        assert label in admin_home or label.replace("\\u00e8", "è") in admin_home, label


def test_import_previews_then_imports_good_rows_and_respects_suppression(
    team, make_subscriber, topics
):
    services.suppress("gone@example.org", Suppression.Reason.UNSUBSCRIBED)
    make_subscriber("already@example.org")
    csv = (
        "Email;Prénom;thèmes\n"
        "ana@example.org;Ana;\n"
        "pas-une-adresse;X;\n"
        "gone@example.org;G;\n"
        "already@example.org;A;\n"
        "ana@example.org;Ana bis;\n"
        "bob@example.org;Bob;residences\n"
        "zoe@example.org;Zoé;inconnu\n"
    ).encode()
    data = {
        "source": "liste papier soirée mars 2025",
        "topics": [str(topics[0].pk)],
        "action": "preview",
    }
    upload = io.BytesIO(csv)
    upload.name = "export.csv"
    preview = team.post("/admin/infolettre/import/", {**data, "file": upload}).content.decode()
    assert "Aperçu : 2 lignes valables, 5 écartées" in preview
    assert "désinscrite ou en échec" in preview and "Thème inconnu : inconnu" in preview
    assert not Subscriber.objects.filter(contact__email="ana@example.org").exists()

    import base64

    done = team.post(
        "/admin/infolettre/import/",
        {**data, "action": "import", "content": base64.b64encode(csv).decode()},
    ).content.decode()
    assert "2 adresse(s) importée(s)" in done
    ana = Subscriber.objects.get(contact__email="ana@example.org")
    assert ana.status == "confirmed" and ana.source == "import : liste papier soirée mars 2025"
    assert ana.contact.consents.get().source == "import : liste papier soirée mars 2025"
    assert [
        t.slug for t in Subscriber.objects.get(contact__email="bob@example.org").topics.all()
    ] == ["residences"]
    assert not Subscriber.objects.filter(contact__email="gone@example.org").exists()


def test_import_refuses_a_file_without_email_column(topics):
    with pytest.raises(services.NewsletterError, match="colonne"):
        services.import_subscribers(b"nom\nAna\n", source="x", topics=topics[:1])


def test_export_lists_confirmed_subscribers_as_csv(team, make_subscriber):
    make_subscriber("ana@example.org", name="=HYPERLINK()")
    make_subscriber("wait@example.org", status="pending")
    response = team.get("/admin/infolettre/export.csv?status=confirmed")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "ana@example.org" in body and "wait@example.org" not in body
    assert "'=HYPERLINK()" in body  # no formula injection


def test_volunteers_without_permission_cannot_send(client, django_user_model, campaign):
    user = django_user_model.objects.create_user("x", "x@example.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/infolettre/campagnes/{campaign.pk}/envoi/").status_code in (302, 403)
    assert client.get("/admin/infolettre/import/").status_code in (302, 403)


def test_sending_asks_for_confirmation_with_the_real_number_of_people(
    team, smtp_sink, make_subscriber, campaign, run_on_commit
):
    make_subscriber("ana@example.org")
    make_subscriber("bea@example.org")
    make_subscriber("left@example.org", status="unsubscribed")
    url = f"/admin/infolettre/campagnes/{campaign.pk}/envoi/"
    response = team.post(url, {"action": "send"})
    html = response.content.decode()
    assert "Envoyer à 2 personnes ?" in html
    assert "Oui, envoyer à 2 personnes" in html
    run_on_commit()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and smtp_sink.messages == []


def test_a_sent_campaign_is_locked_and_can_be_duplicated(
    team, client, smtp_sink, make_subscriber, campaign, run_on_commit
):
    make_subscriber("ana@example.org")
    url = f"/admin/infolettre/campagnes/{campaign.pk}/envoi/"
    team.post(url, {"action": "send", "confirmed": "yes"})
    run_on_commit()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    sent_subject = campaign.subject

    edit = f"/admin/snippets/newsletter/campaign/edit/{campaign.pk}/"
    response = team.get(edit, follow=True)
    assert "son contenu ne change plus" in response.content.decode()
    team.post(edit, {"subject": "Réécrite après coup", "preheader": "", "slug": campaign.slug})
    campaign.refresh_from_db()
    assert campaign.subject == sent_subject
    archive = client.get(campaign.get_absolute_url()).content.decode()
    assert "Réécrite après coup" not in archive and "Une résidence au printemps" in archive

    page = team.get(url).content.decode()
    assert "Modifier le contenu" not in page and "Dupliquer en brouillon" in page
    response = team.post(url, {"action": "duplicate"})
    copy = Campaign.objects.exclude(pk=campaign.pk).get()
    assert response["Location"].endswith(f"/edit/{copy.pk}/")
    assert copy.status == Campaign.Status.DRAFT and copy.subject == sent_subject
    assert list(copy.topics.all()) == list(campaign.topics.all())
    assert team.get(f"/admin/snippets/newsletter/campaign/edit/{copy.pk}/").status_code == 200


def test_the_unsubscribe_link_of_a_test_mail_says_it_is_a_test(
    team, client, smtp_sink, make_subscriber, campaign
):
    volunteer = make_subscriber("benevole@example.org")
    url = f"/admin/infolettre/campagnes/{campaign.pk}/envoi/"
    team.post(url, {"action": "test", "email": "benevole@example.org"})
    (mail,) = smtp_sink.messages
    (link,) = [u for u in smtp_sink.links(mail) if "/desinscription/" in u]
    path = link.split("://", 1)[1].split("/", 1)[1]
    for method in (client.get, client.post):
        response = method("/" + path)
        assert response.status_code == 200
        assert "e-mail de test" in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.status == "confirmed"
