"""The soirée forms go through the public-form pipeline: 400 with the errors, 303 after success."""

import re

import pytest
from django.urls import resolve

from raccord.core.public_forms import PublicFormView
from raccord.events import services
from raccord.events.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_altcha_proof(monkeypatch):
    """As if the visitor's browser had solved the ALTCHA challenge."""
    monkeypatch.setattr("raccord.core.altcha.verify", lambda payload: True)


def test_both_soiree_forms_are_public_form_views(event, register):
    manage = services.manage_url(register(event)).replace("http://testserver", "")
    for url in (event.register_url(), manage, manage + "modifier/"):
        assert issubclass(resolve(url).func.view_class, PublicFormView), url


def test_the_event_page_shows_the_pipeline_fields_and_no_token(client, event):
    html = client.get(event.url).content.decode()
    form = html.split('class="registration-form"', 1)[1].split("</form>", 1)[0]
    assert 'name="site_web"' in form and "<altcha-widget" in form
    assert "csrfmiddlewaretoken" not in html


def test_registering_answers_400_with_errors_then_303(client, event):
    url = event.register_url()
    refused = client.post(url, {"name": "Ana", "email": "pas-une-adresse", "seats": "1"})
    assert refused.status_code == 400
    assert "adresse e-mail n’est pas valide" in refused.content.decode()
    done = client.post(url, {"name": "Ana", "email": "ana@exemple.org", "seats": "1"})
    assert done.status_code == 303
    assert done["Location"] == f"/soirees/{event.pk}/inscription/recue/"


def test_a_double_click_registers_once_and_still_answers_303(client, event, sent_mails):
    data = {"name": "Ana", "email": "ana@exemple.org", "seats": "2"}
    first = client.post(event.register_url(), data)
    second = client.post(event.register_url(), data)
    assert (first.status_code, second.status_code) == (303, 303)
    assert second["Location"].endswith("/inscription/recue/")
    assert Registration.objects.get().seats == 2
    assert len(sent_mails()) == 1


def test_cancelling_from_the_link_answers_303_and_a_bad_link_400(client, event, register):
    registration = register(event)
    url = services.manage_url(registration).replace("http://testserver", "")
    assert client.post(url[:-4] + "abc/").status_code == 400
    done = client.post(url)
    assert done.status_code == 303 and done["Location"] == f"{url}?annulee=1"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_the_manage_page_renders_the_pipeline_fields(client, event, register):
    url = services.manage_url(register(event)).replace("http://testserver", "")
    html = client.get(url).content.decode()
    form = html.split('class="manage-form"', 1)[1].split("</form>", 1)[0]
    assert 'name="site_web"' in form and "<altcha-widget" in form


def test_registrations_are_limited_to_20_an_hour_with_a_proof(client, event, with_altcha_proof):
    answers = [client.post(event.register_url(), {"name": ""}).status_code for _ in range(21)]
    assert answers == [400] * 20 + [429]


def test_without_javascript_the_registration_limit_is_stricter(client, event):
    answers = [client.post(event.register_url(), {"name": ""}).status_code for _ in range(7)]
    assert answers == [400] * 6 + [429]


def test_reposting_someone_elses_address_changes_nothing_and_answers_as_a_new_one(
    client, make_event, register, sent_mails
):
    event = make_event(capacity=10, max_seats_per_registration=4, ask_dietary=True)
    owner = register(event, name="Julie", email="julie@exemple.org", seats=1)
    before = len(sent_mails())
    url = event.register_url()

    stranger = {"name": "Usurpateur", "seats": "4", "q_dietary": "rien", "newsletter": ""}
    attack = client.post(url, {**stranger, "email": "JULIE@exemple.org"})
    new = client.post(url, {**stranger, "email": "inconnue@exemple.org"})

    assert (attack.status_code, attack["Location"]) == (new.status_code, new["Location"])
    assert attack.status_code == 303 and attack["Location"].endswith("/inscription/recue/")
    assert attack.content == new.content == b""
    owner.refresh_from_db()
    assert (owner.name, owner.seats, owner.answers) == ("Julie", 1, {})
    assert owner.status == Registration.Status.CONFIRMED and owner.contact.name == "Julie"
    page = client.get(attack["Location"]).content.decode()
    assert "Un e-mail part" in page and "confirmée" not in page.split("<h1>", 1)[1][:40]
    to_julie = [m for m in sent_mails()[before:] if m.to == ["julie@exemple.org"]]
    assert len(to_julie) == 1 and "existe déjà" in to_julie[0].subject
    token = re.search(r"/soirees/mon-inscription/([^/\s]+)/", to_julie[0].body).group(1)
    assert services.registration_from_token(token) == owner  # the owner's own link


def test_the_owner_changes_seats_name_and_answers_from_their_link(
    client, make_event, register, sent_mails
):
    event = make_event(capacity=10, max_seats_per_registration=4, ask_dietary=True)
    registration = register(event, name="Julie", email="julie@exemple.org", seats=1)
    manage = services.manage_url(registration).replace("http://testserver", "")
    page = client.get(manage)
    html = page.content.decode()
    assert "Modifier mon inscription" in html and 'value="Julie"' in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]

    done = client.post(
        manage + "modifier/", {"name": "Julie D.", "seats": "3", "q_dietary": "Sans gluten"}
    )

    assert done.status_code == 303 and done["Location"] == f"{manage}?modifiee=1"
    registration.refresh_from_db()
    assert (registration.name, registration.seats) == ("Julie D.", 3)
    assert registration.answers == {"dietary": "Sans gluten"}
    assert "C’est enregistré" in client.get(done["Location"]).content.decode()
    assert "mise à jour" in sent_mails()[-1].subject
    refused = client.post(manage + "modifier/", {"name": "Julie", "seats": "9"})
    assert refused.status_code == 400 and "de 1 à 4 places" in refused.content.decode()
    assert client.post("/soirees/mon-inscription/abc/modifier/", {}).status_code == 400
