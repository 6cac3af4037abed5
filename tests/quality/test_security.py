"""Security headers on every public page, production settings, admin lockout, rate limits."""

import importlib
import sys

import pytest

from .checks import fetch, public_urls


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.browser
def test_public_pages_send_a_strict_csp_and_the_other_security_headers(live_url):
    for path, status in public_urls(live_url):
        answered, headers, _ = fetch(live_url + path)
        assert answered == status, path
        csp = csp_directives(headers.get("Content-Security-Policy", ""))
        scripts = csp.get("script-src", csp.get("default-src"))
        assert scripts == ["'self'"], f"{path}: script-src is {scripts}"
        assert "'unsafe-inline'" not in csp.get("style-src", []), path
        assert csp.get("object-src") == ["'none'"], path
        assert csp.get("frame-ancestors"), path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert "camera=()" in headers["Permissions-Policy"], path
        assert headers["X-Frame-Options"] in ("DENY", "SAMEORIGIN"), path


@pytest.mark.browser
def test_only_the_admin_gets_the_looser_policy_wagtail_needs(live_url):
    _, headers, _ = fetch(f"{live_url}/admin/login/")
    csp = csp_directives(headers["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    _, headers, _ = fetch(f"{live_url}/")
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]


@pytest.fixture
def production_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("RACCORD_HASH_KEY", "h" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "onestraccord.org")
    sys.modules.pop("raccord.settings.production", None)
    module = importlib.import_module("raccord.settings.production")
    yield module
    sys.modules.pop("raccord.settings.production", None)


def test_production_settings_force_https_and_protect_cookies(production_settings):
    s = production_settings
    assert s.DEBUG is False
    assert s.SECURE_SSL_REDIRECT is True
    assert s.SECURE_HSTS_SECONDS >= 31536000
    assert s.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE
    assert s.SESSION_COOKIE_HTTPONLY and s.CSRF_COOKIE_HTTPONLY
    assert s.SESSION_COOKIE_SAMESITE == "Lax" and s.CSRF_COOKIE_SAMESITE == "Lax"
    assert s.SECURE_CONTENT_TYPE_NOSNIFF is True
    assert "'unsafe-inline'" not in s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]


def test_https_responses_carry_hsts(client, settings, site):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_admin_login_locks_after_repeated_failures(client, django_user_model, settings):
    django_user_model.objects.create_superuser("camille", "camille@example.org", "bon-mot-de-passe")
    first = client.post(
        "/admin/login/", {"username": "camille", "password": "mauvais"}, REMOTE_ADDR="10.0.0.9"
    )
    assert first.status_code == 200  # the form again, with its error
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(
            "/admin/login/", {"username": "camille", "password": "mauvais"}, REMOTE_ADDR="10.0.0.9"
        )
    response = client.post(
        "/admin/login/",
        {"username": "camille", "password": "bon-mot-de-passe"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code in (403, 429)
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_public_form_over_its_rate_limit_answers_429_in_french(client, site):
    statuses = [
        client.post("/nous-rencontrer/", {"name": ""}, REMOTE_ADDR="10.0.0.7").status_code
        for _ in range(12)
    ]
    assert statuses[0] == 400  # invalid input: the form again, with its errors
    assert statuses[-1] == 429
    response = client.post("/nous-rencontrer/", {"name": ""}, REMOTE_ADDR="10.0.0.7")
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Trop de demandes" in html
    other = client.post("/nous-rencontrer/", {"name": ""}, REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 400  # the limit is per address
