"""Pages opened from a signed link: GET never acts, POST acts under a per-IP limit, all private."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from raccord.core import signed_links
from raccord.core.signed_link_view import SignedLinkView

pytestmark = pytest.mark.django_db  # the 429 page reads the site settings

done = []


class ConfirmView(SignedLinkView):
    template_name = "confirm"
    bad_link_template = "bad"
    rate = "3/h"

    def read(self, token):
        return signed_links.read("core.test", token)

    def act(self, target):
        done.append(target)
        return HttpResponse(f"fait {target}")

    def render(self, template, context, status=200):
        return HttpResponse(f"{template} {context}", status=status)


@pytest.fixture
def call():
    done.clear()
    factory = RequestFactory()

    def request(method, token, ip="192.0.2.1"):
        req = getattr(factory, method)("/lien/", REMOTE_ADDR=ip)
        return ConfirmView.as_view()(req, token=token)

    return request


def test_get_shows_the_page_and_only_the_post_acts(call):
    token = signed_links.make("core.test", 7)
    page = call("get", token)
    assert page.status_code == 200 and page.content.startswith(b"confirm")
    assert done == []
    assert call("post", token).content == b"fait 7"
    assert done == [7]
    for response in (page, call("post", token)):
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "same-origin"


def test_a_tampered_or_expired_link_answers_400_and_does_nothing(call):
    expired = signed_links.make("core.test", 7, max_age=timedelta(seconds=-1))
    for token in (signed_links.make("core.test", 7)[:-2] + "xx", expired, "nimporte"):
        response = call("post", token)
        assert response.status_code == 400 and response.content.startswith(b"bad")
    assert "expiré" in call("get", expired).content.decode()
    assert done == []


def test_posts_are_limited_per_client_address(call):
    token = signed_links.make("core.test", 7)
    assert [call("post", token).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert call("post", token, ip="192.0.2.2").status_code == 200
    assert call("get", token).status_code == 200  # reading the page is not counted
