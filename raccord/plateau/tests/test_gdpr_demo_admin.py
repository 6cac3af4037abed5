"""GDPR export and erasure, the demo loader, and the team's admin pages."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from raccord.plateau import demo, gdpr, services
from raccord.plateau.models import (
    Answer,
    CheckIn,
    CrewMember,
    LogEntry,
    Production,
    Proposal,
    ReferentMessage,
)

pytestmark = pytest.mark.django_db


def test_export_keeps_unsigned_words_and_messages_away_from_the_name(crew):
    ana = crew["ana"]
    services.check_in(ana, energy=3, words="journée dure", signed=False)
    services.message_referents(ana, body="Message anonyme", signed=False)
    services.message_referents(ana, body="Message signé", signed=True)
    proposal = services.propose(crew["paul"], title="Horaires", body="8 h - 18 h")
    services.answer(ana, proposal, choice="concern", reason="Les trajets")
    data = gdpr.export(ana.contact)
    dumped = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    assert "journée dure" not in dumped
    assert "Message anonyme" not in dumped
    assert "Message signé" in dumped
    assert data["meteos_non_signees"]["nombre"] == 1
    assert data["reponses"][0]["raison"] == "Les trajets"
    assert gdpr.export(crew["paul"].contact)["propositions"][0]["titre"] == "Horaires"


def test_signed_words_are_exported(crew):
    services.check_in(crew["ana"], energy=7, words="contente", signed=True)
    assert gdpr.export(crew["ana"].contact)["meteos_signees"][0]["mots"] == "contente"


def test_erase_removes_the_person_but_keeps_decisions_countable(crew):
    ana = crew["ana"]
    services.check_in(ana, energy=3, words="x")
    services.message_referents(ana, body="Signé", signed=True)
    proposal = services.propose(crew["paul"], title="Horaires", body="8 h - 18 h")
    services.answer(ana, proposal, choice="objection", reason="Trop tôt pour moi")
    services.close(crew["facilitator"], proposal, without_quorum=True)
    gdpr.erase(ana.contact)
    assert not CrewMember.objects.filter(pk=ana.pk).exists()
    assert not CheckIn.objects.exists()
    assert not ReferentMessage.objects.exists()
    answer = Answer.objects.get()
    assert answer.member is None and answer.reason == "" and answer.choice == "objection"
    assert not LogEntry.objects.filter(title__contains="Ana").exists()
    assert Proposal.objects.get().outcome == "objected"
    assert gdpr.export(ana.contact) == {}


def test_the_demo_loads_twice_without_change(site):
    from raccord.core.demo_support import DemoContext

    ctx = DemoContext(site=site.site if hasattr(site, "site") else site)
    demo.load(ctx)
    counts = (
        Production.objects.count(),
        CrewMember.objects.count(),
        CheckIn.objects.count(),
        Proposal.objects.count(),
    )
    demo.load(ctx)
    assert counts == (
        Production.objects.count(),
        CrewMember.objects.count(),
        CheckIn.objects.count(),
        Proposal.objects.count(),
    )
    production = Production.objects.get(slug=demo.DEMO_SLUG)
    assert production.proposals.open().count() == 1
    assert production.proposals.closed().count() == 1
    assert production.call_sheets.exists() and production.carbon_entries.exists()
    assert services.pay_table(production)["below"] == 1


def test_the_login_link_command_lets_a_demo_member_in(client, site):
    from raccord.core.demo_support import DemoContext

    demo.load(DemoContext())
    out = io.StringIO()
    call_command("plateau_login_link", "maelle.riou@example.org", stdout=out)
    path = re.search(r"http://testserver(/plateau/connexion/\S+/)", out.getvalue()).group(1)
    client.post(path)
    page = client.get(reverse("plateau:dashboard")).content.decode()
    assert "La Ronde des communs" in page


@pytest.fixture
def admin_client_logged(client, django_user_model):
    user = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "pw")
    client.force_login(user)
    return client


def test_the_team_invites_and_revokes_from_the_admin(admin_client_logged, production, sent_mails):
    client = admin_client_logged
    url = reverse("plateau_crews:crew", args=[production.pk])
    response = client.post(
        url, {"name": "Léa", "email": "lea@example.org", "role": "member", "position": "Régie"}
    )
    assert response.status_code == 302
    (mail,) = sent_mails()
    assert mail.to == ["lea@example.org"]
    member = CrewMember.objects.get(contact__email="lea@example.org")
    page = client.get(url).content.decode()
    assert "Léa" in page and "Invitation envoyée" in page
    client.post(reverse("plateau_crews:revoke", args=[member.pk]))
    member.refresh_from_db()
    assert member.status == CrewMember.Status.REVOKED


def test_the_admin_menu_lists_the_plateau_pages(admin_client_logged, production):
    client = admin_client_logged
    for name in (
        "plateau_productions:index",
        "plateau_members:index",
        "plateau_crews:index",
        "plateau_listening:index",
        "plateau_factors:index",
        "plateau_paygrids:index",
        "plateau_paylines:index",
    ):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("plateau_members:add")).status_code == 302
    for name in ("plateau_productions:add", "plateau_paygrids:add", "plateau_factors:add"):
        assert client.get(reverse(name)).status_code == 200, name
    response = client.post(
        reverse("plateau_productions:add"),
        {"title": "Nouveau tournage", "slug": "nouveau", "kind": "short"},
    )
    assert response.status_code == 302
    assert Production.objects.filter(slug="nouveau").exists()


def test_volunteers_without_permission_cannot_invite(client, django_user_model, production):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("benevole", "b@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(
        reverse("plateau_crews:crew", args=[production.pk]),
        {"name": "X", "email": "x@example.org", "role": "member"},
    )
    assert response.status_code in (302, 403)
    assert not CrewMember.objects.exists()


def test_the_site_wide_export_includes_the_plateau(crew):
    from raccord.people import gdpr_registry

    services.check_in(crew["ana"], energy=5, words="signé", signed=True)
    data = gdpr_registry.collect(crew["ana"].contact)
    assert data["plateau"]["meteos_signees"][0]["mots"] == "signé"
