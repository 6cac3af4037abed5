"""Getting in and staying out: invitations, magic links, revocation, isolation, headers."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from raccord.core import signed_links
from raccord.plateau import services
from raccord.plateau.models import CrewMember, Proposal

from .conftest import add_member

pytestmark = pytest.mark.django_db


def _link(mail):
    return re.search(r"http://testserver(/plateau/\S+/)", mail.body).group(1)


def test_an_invited_person_joins_by_pressing_the_button(client, production, sent_mails):
    member = services.invite(production, email="Lea@Example.org", name="Léa", position="Régie")
    (mail,) = sent_mails()
    assert mail.to == ["lea@example.org"]
    assert "Récolter la tempête" in mail.subject
    link = _link(mail)

    page = client.get(link)  # a mail scanner following the link changes nothing
    assert page.status_code == 200
    assert "Rejoindre l’équipe" in page.content.decode()
    member.refresh_from_db()
    assert member.status == CrewMember.Status.INVITED

    before = client.cookies.get("sessionid")
    response = client.post(link)
    assert response.status_code == 303
    assert response["Location"] == reverse("plateau:dashboard")
    member.refresh_from_db()
    assert member.status == CrewMember.Status.ACTIVE
    assert client.cookies["sessionid"].value != (before.value if before else None)
    assert "Aujourd’hui sur le plateau" in client.get(reverse("plateau:dashboard")).content.decode()
    # The invitation works once: afterwards, people log in by email.
    cache.clear()  # past the pipeline's double-submit window
    assert client.post(link).status_code == 400


def test_a_tampered_or_foreign_link_does_nothing(client, production, sent_mails):
    member = services.invite(production, email="lea@example.org", name="Léa")
    token = services.invitation_token(member)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert client.post(reverse("plateau:join", args=[tampered])).status_code == 400
    wrong_purpose = signed_links.make("plateau.login", [member.pk, ""])
    assert client.post(reverse("plateau:join", args=[wrong_purpose])).status_code == 400
    member.refresh_from_db()
    assert member.status == CrewMember.Status.INVITED
    assert client.get(reverse("plateau:dashboard")).status_code == 302


def test_login_answers_the_same_whether_the_address_is_known_or_not(client, crew, sent_mails):
    known = client.post(reverse("plateau:login"), {"email": "ana@example.org"})
    unknown = client.post(reverse("plateau:login"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 303
    assert known["Location"] == unknown["Location"] == reverse("plateau:login_sent")
    assert known.content == unknown.content
    assert known.cookies.keys() == unknown.cookies.keys()
    # The same work either way: one mail queued, the unknown address learns only that.
    known_mail, unknown_mail = sent_mails()
    assert known_mail.to == ["ana@example.org"] and "/plateau/connexion/" in known_mail.body
    assert unknown_mail.to == ["nobody@example.org"]
    assert "/plateau/connexion/" not in unknown_mail.body
    assert "Aucun espace d’équipe" in unknown_mail.body
    page = client.get(known["Location"])
    assert "Si cette adresse fait partie d’une équipe" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_a_mistyped_address_is_explained_with_a_400(client, db, sent_mails):
    response = client.post(reverse("plateau:login"), {"email": "pas-une-adresse"})
    assert response.status_code == 400
    assert "Cette adresse e-mail ne semble pas valide." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert sent_mails() == []


def test_a_login_link_opens_a_button_then_works_once(client, crew, sent_mails):
    client.post(reverse("plateau:login"), {"email": "ana@example.org"})
    (mail,) = sent_mails()
    link = _link(mail)
    assert "Me connecter" in client.get(link).content.decode()
    assert client.get(reverse("plateau:dashboard")).status_code == 302  # not yet logged in
    assert client.post(link).status_code == 303
    assert client.get(reverse("plateau:dashboard")).status_code == 200
    client.post(reverse("plateau:logout"))
    assert client.get(reverse("plateau:dashboard")).status_code == 302
    # A second press within the double-submit window gets the first answer, and no session.
    assert client.post(link).status_code == 303
    assert client.get(reverse("plateau:dashboard")).status_code == 302
    cache.clear()  # past the window: the link says it has been used
    assert client.post(link).status_code == 400  # single use
    assert client.get(reverse("plateau:dashboard")).status_code == 302


def test_an_expired_login_link_is_refused(client, crew, settings):
    from datetime import timedelta

    token = signed_links.make(
        services.LOGIN_PURPOSE, [crew["ana"].pk, ""], max_age=timedelta(seconds=-1)
    )
    response = client.post(reverse("plateau:login_confirm", args=[token]))
    assert response.status_code == 400
    assert "expiré" in response.content.decode()


def test_revoked_members_lose_access_at_once(client, crew, as_member):
    as_member(crew["ana"])
    assert client.get(reverse("plateau:weather")).status_code == 200
    services.revoke(crew["ana"])
    response = client.get(reverse("plateau:weather"))
    assert response.status_code == 403
    assert "accès à cet espace est fermé" in response.content.decode()
    assert client.post(reverse("plateau:weather"), {"energy": "5"}).status_code in (302, 403)
    assert not crew["ana"].checkins.exists()


def test_revoked_members_get_no_login_link(client, crew, sent_mails):
    services.revoke(crew["paul"])
    client.post(reverse("plateau:login"), {"email": "paul@example.org"})
    (mail,) = sent_mails()  # the same mail as for any unknown address: no link in it
    assert "/plateau/connexion/" not in mail.body


def test_a_revoked_members_old_session_stays_dead_after_a_new_invitation(
    client, production, crew, as_member, sent_mails
):
    """The attack: keep the session cookie from before the revocation, wait to be re-invited."""
    paul = crew["paul"]
    as_member(paul)
    assert client.get(reverse("plateau:dashboard")).status_code == 200
    old_session = client.cookies["sessionid"].value
    services.revoke(paul)
    services.invite(production, email="paul@example.org", name="Paul")
    (invitation,) = sent_mails()
    services.join(re.search(r"/plateau/invitation/([^/]+)/", invitation.body).group(1))
    paul.refresh_from_db()
    assert paul.status == CrewMember.Status.ACTIVE
    client.cookies["sessionid"] = old_session  # replay the cookie kept from before
    assert client.get(reverse("plateau:dashboard")).status_code == 403
    assert client.post(reverse("plateau:weather"), {"energy": "5"}).status_code in (302, 403)
    assert not paul.checkins.exists()


def test_a_login_link_from_before_a_re_invitation_no_longer_opens_a_session(
    client, production, crew, sent_mails
):
    paul = crew["paul"]
    old_link = reverse("plateau:login_confirm", args=[services.login_token(paul)])
    services.revoke(paul)
    services.invite(production, email="paul@example.org", name="Paul")
    (invitation,) = sent_mails()
    services.join(re.search(r"/plateau/invitation/([^/]+)/", invitation.body).group(1))
    # Active again, and the login time even put back: the link from before stays dead.
    CrewMember.objects.filter(pk=paul.pk).update(last_login_at=paul.last_login_at)
    assert client.post(old_link).status_code == 400
    assert client.get(reverse("plateau:dashboard")).status_code == 302


def test_workspace_pages_are_private_and_not_indexed(client, crew, as_member):
    as_member(crew["ana"])
    response = client.get(reverse("plateau:dashboard"))
    assert response["Cache-Control"] == "private, no-store"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    login_page = client.get(reverse("plateau:login"))
    assert "no-store" in login_page["Cache-Control"]


def test_forms_in_the_workspace_carry_a_csrf_token(crew):
    from django.test import Client

    from .conftest import sign_in

    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, crew["ana"])
    page = strict.get(reverse("plateau:weather")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert strict.post(reverse("plateau:weather"), {"energy": "6"}).status_code == 403


def test_members_never_see_another_productions_data(client, production, crew, outsider, as_member):
    theirs = services.propose(outsider, title="Secret de l’autre équipe", body="Texte privé")
    services.check_in(outsider, energy=2, words="mot de l’autre équipe", signed=True)
    other_sheet = outsider.production.call_sheets.create(day="2026-04-01", notes="lieu secret")
    as_member(crew["facilitator"])
    assert client.get(reverse("plateau:proposal", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("plateau:proposal_close", args=[theirs.pk])).status_code == 404
    assert (
        client.post(
            reverse("plateau:proposal", args=[theirs.pk]), {"choice": "consent"}
        ).status_code
        == 404
    )
    for name in ("plateau:decisions", "plateau:log", "plateau:dashboard", "plateau:weather"):
        page = client.get(reverse(name)).content.decode()
        assert "Secret de l’autre équipe" not in page
        assert "mot de l’autre équipe" not in page
        assert "Zoé" not in page
    day = other_sheet.day if isinstance(other_sheet.day, str) else other_sheet.day.isoformat()
    assert client.get(reverse("plateau:call_sheet", args=[day])).status_code == 404
    assert client.get(reverse("plateau:call_sheet_pdf", args=[day])).status_code == 404
    assert theirs.answers.count() == 0
    assert Proposal.objects.get(pk=theirs.pk).is_open


def test_a_person_in_two_crews_sees_only_the_crew_of_their_link(
    client, production, other_production, crew, sent_mails
):
    add_member(other_production, "ana@example.org", "Ana")
    client.post(reverse("plateau:login"), {"email": "ana@example.org"})
    (mail,) = sent_mails()
    assert "Récolter la tempête" in mail.body and "Sur écoute" in mail.body
    links = re.findall(r"http://testserver(/plateau/connexion/\S+/)", mail.body)
    assert len(links) == 2
    client.post(links[1])
    page = client.get(reverse("plateau:dashboard")).content.decode()
    assert "Sur écoute" in page


def test_login_is_rate_limited(client, db):
    for _ in range(5):
        client.post(reverse("plateau:login"), {"email": "x@example.org"})
    assert client.post(reverse("plateau:login"), {"email": "x@example.org"}).status_code == 429


def test_a_bot_filling_the_honeypot_gets_the_same_page_and_no_mail(client, crew, sent_mails):
    response = client.post(
        reverse("plateau:login"), {"email": "ana@example.org", "site_web": "spam"}
    )
    assert response.status_code == 303
    assert response["Location"] == reverse("plateau:login_sent")
    assert sent_mails() == []


def test_roles_guard_facilitation_pages(client, crew, as_member):
    as_member(crew["ana"])
    assert client.get(reverse("plateau:weather_trend")).status_code == 403
    as_member(crew["facilitator"])
    assert client.get(reverse("plateau:weather_trend")).status_code == 200


def test_the_login_page_sets_no_cookie_for_a_stranger(client, db):
    response = client.get(reverse("plateau:login"))
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "sessionid" not in response.cookies
