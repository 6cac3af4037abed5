"""The admin login lockout, tried as an attacker would from behind the production proxy.

nginx appends the client's real address to X-Forwarded-For and connects from 127.0.0.1; with
`RACCORD_TRUSTED_PROXY_COUNT=1` only that last hop counts, whatever the client wrote before it.
"""

import importlib
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/connexions-bloquees/"
PASSWORD = "bon-mot-de-passe-de-camille"
HOSTILE = "203.0.113.66"
TEAM = "198.51.100.7"
SETTINGS = "raccord.settings"


@pytest.fixture(autouse=True)
def behind_nginx(settings):
    settings.RACCORD_TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def camille(django_user_model):
    return django_user_model.objects.create_superuser("camille", "camille@example.org", PASSWORD)


def through_nginx(client, real_ip, *, password, username="camille", spoofed=""):
    """A login POST as nginx forwards it: the client's own header, then its real address."""
    forwarded = f"{spoofed}, {real_ip}" if spoofed else real_ip
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def is_locked_out(response) -> bool:
    return response.status_code in (403, 429) and (
        "Connexion temporairement bloquée" in response.content.decode()
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_client_hammering_through_the_proxy_never_locks_the_team_out(camille, settings):
    hostile = Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT * 4):
        through_nginx(hostile, HOSTILE, password=f"essai-{attempt}", spoofed=f"10.0.{attempt}.1")

    team = Client()
    response = through_nginx(team, TEAM, password=PASSWORD)
    assert response.status_code == 302
    assert logged_in(team)

    locked = through_nginx(hostile, HOSTILE, password=PASSWORD, spoofed="192.0.2.200")
    assert is_locked_out(locked)
    assert not logged_in(hostile)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOSTILE}


def test_wrong_passwords_from_many_clients_never_lock_out_the_right_one_from_another(
    camille, settings
):
    for n in range(settings.AXES_FAILURE_LIMIT * 3):
        through_nginx(Client(), f"192.0.2.{n + 1}", password="mauvais")
    team = Client()
    assert through_nginx(team, TEAM, password=PASSWORD).status_code == 302
    assert logged_in(team)


def test_six_wrong_passwords_lock_that_client_out_until_the_cool_off_ends(camille):
    hostile = Client()
    for _ in range(6):
        through_nginx(hostile, HOSTILE, password="mauvais")

    assert is_locked_out(through_nginx(hostile, HOSTILE, password=PASSWORD))
    assert not logged_in(hostile)

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=1, minutes=1))
    assert through_nginx(hostile, HOSTILE, password=PASSWORD).status_code == 302
    assert logged_in(hostile)


def test_the_lockout_is_per_username_too(camille, django_user_model):
    django_user_model.objects.create_superuser("lou", "lou@example.org", "mot-de-passe-de-lou")
    shared_office = Client()
    for _ in range(6):
        through_nginx(shared_office, HOSTILE, password="mauvais")
    colleague = Client()
    response = through_nginx(colleague, HOSTILE, username="lou", password="mot-de-passe-de-lou")
    assert response.status_code == 302


def test_without_a_proxy_a_forged_forwarded_header_is_ignored(camille, settings):
    settings.RACCORD_TRUSTED_PROXY_COUNT = 0
    hostile = Client()
    for n in range(6):
        hostile.post(
            LOGIN,
            {"username": "camille", "password": "mauvais"},
            REMOTE_ADDR=HOSTILE,
            HTTP_X_FORWARDED_FOR=f"10.9.{n}.1",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOSTILE}


def test_a_forwarded_value_that_is_no_address_falls_back_to_the_connection(rf, settings):
    from raccord.core.protection import client_ip

    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>, pas-une-ip")
    assert client_ip(request) == "127.0.0.1"


# --- unlocking from the admin ---


@pytest.fixture
def locked_out_camille(camille):
    hostile = Client()
    for _ in range(6):
        through_nginx(hostile, HOSTILE, password="mauvais")
    return camille


@pytest.fixture
def unlocker(django_user_model):
    """A volunteer who may use the admin and lift lockouts, and nothing else."""
    group = Group.objects.create(name="Accueil")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt"),
    )
    user = django_user_model.objects.create_user("sam", "sam@example.org", "mot-de-passe-de-sam")
    user.groups.add(group)
    return user


def test_a_team_member_with_the_permission_sees_the_lockout_and_lifts_it(
    locked_out_camille, unlocker
):
    team = Client(enforce_csrf_checks=True)
    team.force_login(unlocker)
    page = team.get(LOCKOUTS)
    assert page.status_code == 200
    html = page.content.decode()
    assert "camille" in html and HOSTILE in html and "Débloquer" in html
    assert LOCKOUTS in team.get("/admin/").content.decode()  # in the Settings menu

    forged = team.post(LOCKOUTS, {"username": "camille", "ip_address": HOSTILE})
    assert forged.status_code == 403  # the admin keeps CSRF
    assert AccessAttempt.objects.exists()

    token = team.cookies["csrftoken"].value
    response = team.post(
        LOCKOUTS,
        {"username": "camille", "ip_address": HOSTILE, "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert "peut de nouveau se connecter" in response.content.decode()
    assert "Aucune connexion bloquée" in response.content.decode()

    camille_again = Client()
    assert through_nginx(camille_again, HOSTILE, password=PASSWORD).status_code == 302


def test_without_the_permission_the_lockouts_stay_out_of_reach(
    locked_out_camille, django_user_model
):
    editor = django_user_model.objects.create_user("eli", "eli@example.org", "mot-de-passe-eli")
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    team = Client()
    team.force_login(editor)
    assert team.get(LOCKOUTS).status_code in (302, 403)
    assert team.post(LOCKOUTS, {"username": "camille", "ip_address": HOSTILE}).status_code in (
        302,
        403,
    )
    assert LOCKOUTS not in team.get("/admin/").content.decode()
    assert AccessAttempt.objects.exists()


def test_the_unlock_permission_can_be_given_to_a_group_in_the_admin(admin_client):
    html = admin_client.get("/admin/groups/new/").content.decode()
    unlock = Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt")
    assert "Tentative de connexion" in html
    assert f'name="permissions" value="{unlock.pk}"' in html


# --- the proxy count comes from the environment in every settings module ---


@pytest.fixture
def fresh_settings(monkeypatch):
    """Import a settings module anew under a chosen environment, then put the old ones back."""
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    saved = {name: module for name, module in sys.modules.items() if name.startswith(SETTINGS)}

    def load(name):
        for module in [m for m in sys.modules if m.startswith(SETTINGS + ".")]:
            if not module.endswith(".env"):
                del sys.modules[module]
        return importlib.import_module(f"{SETTINGS}.{name}")

    yield load
    for name in [m for m in sys.modules if m.startswith(SETTINGS)]:
        del sys.modules[name]
    sys.modules.update(saved)
    for name, module in saved.items():
        if name != SETTINGS:  # the package's attributes too: raccord.settings.base…
            setattr(saved[SETTINGS], name.rsplit(".", 1)[1], module)


@pytest.mark.parametrize(
    ("module", "default"), [("base", 0), ("dev", 0), ("test", 0), ("production", 1)]
)
def test_every_settings_module_reads_the_trusted_proxy_count(
    fresh_settings, monkeypatch, module, default
):
    monkeypatch.setenv("RACCORD_HASH_KEY", "k" * 40)  # production requires it
    monkeypatch.delenv("RACCORD_TRUSTED_PROXY_COUNT", raising=False)
    unset = fresh_settings(module).RACCORD_TRUSTED_PROXY_COUNT
    monkeypatch.setenv("RACCORD_TRUSTED_PROXY_COUNT", "2")
    from_environment = fresh_settings(module).RACCORD_TRUSTED_PROXY_COUNT
    assert (unset, from_environment) == (default, 2)


def test_axes_counts_by_the_real_client_and_the_username_together(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "raccord.core.protection.client_ip"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["ip_address", "username"]]
