"""The soirée forms go through the public-form pipeline: 400 with the errors, 303 after success."""

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
    for url in (event.register_url(), manage):
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
    assert done["Location"] == f"/soirees/{event.pk}/inscription/confirmee/"


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
