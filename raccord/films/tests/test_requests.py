from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raccord.films.models import RequestActivity, ScreeningRequest
from raccord.people.models import Contact

URL = "/diffusion/demande/projection/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def nothing_stored():
    return (
        not ScreeningRequest.objects.exists()
        and not Contact.objects.filter(email="camille@example.org").exists()
    )


@pytest.mark.django_db
def test_form_page_is_cacheable_and_preselects_the_film(client, film):
    response = client.get(URL + f"?film={film.slug}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Demander une projection accompagnée" in html
    assert f'value="{film.pk}"' in html and "checked" in html
    assert 'name="site_web"' in html  # the pipeline's honeypot, hidden from people
    assert "<altcha-widget" in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_a_venue_asks_for_a_screening_and_both_sides_get_a_mail(
    client, film, request_data, sent_mails, settings
):
    settings.RACCORD_TEAM_EMAIL = "equipe@example.org"
    response = client.post(
        URL, {**request_data, "films": [film.pk]}, HTTP_REFERER=f"http://testserver{film.url}"
    )
    assert response.status_code == 303
    assert response["Location"] == "/diffusion/demande/projection/envoyee/"
    request = ScreeningRequest.objects.get()
    assert request.status == "new"
    assert request.contact.email == "camille@example.org"
    assert request.organisation.name == "Ciné Lumière"
    assert request.organisation.kind == "venue"
    assert list(request.films.all()) == [film]
    assert request.source == film.url
    assert RequestActivity.objects.filter(request=request, to_status="new").exists()
    acknowledgement, team = sent_mails()
    assert acknowledgement.to == ["camille@example.org"]
    assert "bien arrivée" in acknowledgement.subject
    assert "Récolter la tempête" in acknowledgement.body
    assert team.to == ["equipe@example.org"]
    assert team.reply_to == ["camille@example.org"]
    assert "/admin/diffusion/demandes/inspect/" in team.body
    assert "Merci" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_same_request_sent_twice_is_stored_and_mailed_once(client, film, request_data, sent_mails):
    data = {**request_data, "films": [film.pk]}
    client.post(URL, data)
    second = client.post(URL, data)
    assert second.status_code == 303
    assert ScreeningRequest.objects.count() == 1
    assert len(sent_mails()) == 2


@pytest.mark.django_db
def test_an_existing_organisation_and_contact_are_reused_never_changed(client, film, request_data):
    """A request typed with someone's address adds a request; their records stay as they are."""
    from raccord.people.models import Organisation

    Organisation.objects.create(name="CINÉ LUMIÈRE", kind="venue")
    Contact.objects.create(email="camille@example.org", name="")
    client.post(URL, {**request_data, "name": "Usurpateur", "films": [film.pk]})
    assert Organisation.objects.count() == 1
    assert Organisation.objects.get().city == ""  # not filled from an anonymous post
    assert Contact.objects.count() == 1
    assert Contact.objects.get().name == ""  # not even an empty field is filled
    assert ScreeningRequest.objects.get().contact_name == "Usurpateur"  # the request keeps it


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"date_from": "2020-01-01"}, "date_from", "Choisissez une date à venir."),
        ({"date_to": "__before__"}, "date_to", "La fin de la période doit suivre son début."),
        ({"email": ""}, "email", "Indiquez une adresse e-mail pour que l’on puisse vous répondre."),
        ({"email": "pas-une-adresse"}, "email", "Saisissez une adresse de courriel valide."),
        (
            {"budget": "amount", "budget_amount": ""},
            "budget_amount",
            "Indiquez le montant envisagé.",
        ),
        ({"films": []}, "films", "Choisissez au moins un film."),
        ({"city": ""}, "city", "Champ requis."),
    ],
)
def test_bad_input_gets_a_french_message_and_stores_nothing(
    client, film, request_data, future, change, field, message, sent_mails
):
    data = {**request_data, "films": [film.pk], **change}
    if data.get("date_to") == "__before__":
        data["date_to"] = (future - timedelta(days=3)).isoformat()
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert f'id="id_{field}_error"' in response.content.decode()
    assert nothing_stored()
    assert sent_mails() == []


@pytest.mark.django_db
def test_today_is_not_a_future_date(client, film, request_data):
    data = {**request_data, "films": [film.pk], "date_from": timezone.localdate().isoformat()}
    assert client.post(URL, data).status_code == 400
    assert nothing_stored()


@pytest.mark.django_db
def test_spam_filling_the_honeypot_gets_the_same_answer_and_nothing_is_stored(
    client, film, request_data, sent_mails
):
    response = client.post(
        URL, {**request_data, "films": [film.pk], "site_web": "http://spam.example"}
    )
    assert response.status_code == 303
    assert response["Location"] == "/diffusion/demande/projection/envoyee/"
    assert nothing_stored()
    assert sent_mails() == []


@pytest.mark.django_db
def test_too_many_requests_from_one_address_are_refused(client, film, request_data, altcha_proof):
    for n in range(6):
        data = {**request_data, "films": [film.pk], "message": f"Essai {n}"}
        client.post(URL, {**data, "altcha": altcha_proof()})
    data = {**request_data, "films": [film.pk], "message": "Encore"}
    response = client.post(URL, {**data, "altcha": altcha_proof()})
    assert response.status_code == 429
    assert ScreeningRequest.objects.count() == 6


@pytest.mark.django_db
def test_without_javascript_a_venue_can_still_send_under_a_stricter_limit(
    client, film, request_data
):
    answers = [
        client.post(URL, {**request_data, "films": [film.pk], "message": f"Essai {n}"}).status_code
        for n in range(3)
    ]
    assert answers == [303, 303, 429]
    assert ScreeningRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_post_from_another_site_is_refused(client, film, request_data):
    response = client.post(
        URL, {**request_data, "films": [film.pk]}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert nothing_stored()


@pytest.mark.django_db
def test_exhibition_request_has_no_film_choice_and_takes_a_period(
    client, request_data, future, exhibition, sent_mails
):
    data = {**request_data, "date_to": (future + timedelta(days=14)).isoformat()}
    page = client.get("/diffusion/demande/exposition/").content.decode()
    assert 'name="films"' not in page
    assert 'href="/exposition/"' in page
    response = client.post("/diffusion/demande/exposition/", data)
    assert response.status_code == 303
    assert response["Location"] == "/diffusion/demande/exposition/envoyee/"
    request = ScreeningRequest.objects.get()
    assert request.kind == "exhibition"
    assert request.wished_dates.startswith("du ")
    assert "Accueil de l’exposition" in sent_mails()[0].subject


@pytest.mark.django_db
def test_a_technical_sheet_is_kept_privately(client, film, request_data, settings):
    upload = SimpleUploadedFile("fiche.pdf", PDF, content_type="application/pdf")
    client.post(URL, {**request_data, "films": [film.pk], "attachment": upload})
    request = ScreeningRequest.objects.get()
    assert request.attachment
    assert str(settings.RACCORD_PRIVATE_MEDIA_ROOT) in request.attachment.path
    assert str(settings.MEDIA_ROOT) not in request.attachment.path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "virus.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf"
            ),
            "pas d’un type accepté",
        ),
        (
            SimpleUploadedFile(
                "gros.pdf", PDF + b"0" * (5 * 1024 * 1024 + 1), content_type="application/pdf"
            ),
            "5 Mo",
        ),
    ],
)
def test_wrong_or_oversized_uploads_are_refused(client, film, request_data, upload, message):
    response = client.post(URL, {**request_data, "films": [film.pk], "attachment": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_stored()


@pytest.mark.django_db
def test_unknown_request_kind_is_not_found(client):
    assert client.get("/diffusion/demande/autre-chose/").status_code == 404
