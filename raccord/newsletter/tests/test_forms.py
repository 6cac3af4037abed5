"""The infolettre's forms go through the public-form pipeline: 400 with errors, 303 after success.

The one-click unsubscribe (RFC 8058) and the ESP webhooks are not forms and stay outside it.
"""

import pytest
from django.urls import resolve

from raccord.core import signed_links
from raccord.core.public_forms import PublicFormView
from raccord.newsletter import services
from raccord.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(make_subscriber):
    return make_subscriber("ana@example.org", status="pending")


def test_every_infolettre_form_is_a_public_form_view(pending):
    confirm = signed_links.make("newsletter.confirm", pending.pk)
    manage = services.manage_token(pending)
    for url in (
        "/infolettre/inscription/",
        f"/infolettre/confirmer/{confirm}/",
        f"/infolettre/preferences/{manage}/",
    ):
        assert issubclass(resolve(url).func.view_class, PublicFormView), url
    unsubscribe = resolve(f"/infolettre/desinscription/{manage}/").func
    assert not hasattr(unsubscribe, "view_class")  # one-click POSTs come from mail servers


def test_signing_up_answers_400_with_errors_then_303(client, topics):
    refused = client.post("/infolettre/inscription/", {"email": "ana@example.org"})
    assert refused.status_code == 400
    assert "Choisissez au moins un thème" in refused.content.decode()
    done = client.post(
        "/infolettre/inscription/", {"email": "ana@example.org", "topics": [str(topics[0].pk)]}
    )
    assert done.status_code == 303 and done["Location"] == "/infolettre/inscription/merci/"


def test_confirming_answers_303_then_shows_the_confirmation_and_a_bad_link_400(client, pending):
    url = f"/infolettre/confirmer/{signed_links.make('newsletter.confirm', pending.pk)}/"
    assert client.post(url[:-4] + "abc/").status_code == 400
    done = client.post(url)
    assert done.status_code == 303 and done["Location"] == url
    assert "Inscription confirmée" in client.get(url).content.decode()
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.CONFIRMED


def test_preferences_answer_400_without_a_topic_then_303(client, make_subscriber, topics):
    subscriber = make_subscriber("bea@example.org")
    url = f"/infolettre/preferences/{services.manage_token(subscriber)}/"
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Choisissez au moins un thème" in refused.content.decode()
    done = client.post(url, {"topics": [str(topics[2].pk)]})
    assert done.status_code == 303 and done["Location"] == f"{url}?enregistre=1"


def test_the_pages_behind_links_render_the_pipeline_fields(client, pending, make_subscriber):
    confirmed = make_subscriber("bea@example.org")
    for url in (
        f"/infolettre/confirmer/{signed_links.make('newsletter.confirm', pending.pk)}/",
        f"/infolettre/preferences/{services.manage_token(confirmed)}/",
    ):
        html = client.get(url).content.decode()
        form = html.split('<form method="post"', 1)[1].split("</form>", 1)[0]
        assert 'name="site_web"' in form and "<altcha-widget" in form, url
