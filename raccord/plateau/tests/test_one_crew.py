"""One crew: a residency crew opens its Plateau space in one action, with the same people."""

# ruff: noqa: F811  (the residencies' fixtures, imported by name, are arguments below)

import re

import pytest
from django.urls import reverse

from raccord.plateau import services
from raccord.plateau.models import CrewMember, Production
from raccord.residencies import gdpr as residency_gdpr
from raccord.residencies import services as residencies
from raccord.residencies.models import Crew
from raccord.residencies.tests.conftest import (  # noqa: F401
    apply_as,
    call,
    residency,
    residency_index,
)

pytestmark = pytest.mark.django_db


def _invitations(mails):
    return [m for m in mails if "/plateau/invitation/" in m.body]


def _accept(apply_as, email, name, role):
    application = apply_as(email=email, name=name, roles=[role])
    residencies.decide(application, "accepted")
    return application


@pytest.fixture
def residency_crew(residency, call, apply_as):
    """Léa directs and writes, Noa records sound, Sam facilitates."""
    crew = Crew.objects.create(residency=residency, film_title="Sur écoute")
    lea = _accept(apply_as, "lea@example.org", "Léa Martin", "directing")
    noa = _accept(apply_as, "noa@example.org", "Noa Diallo", "sound")
    sam = _accept(apply_as, "sam@example.org", "Sam Kerhoas", "cooking")
    residencies.add_to_crew(crew, lea, "screenwriting", counts_as_woman="yes")
    residencies.add_to_crew(crew, lea, "directing", counts_as_woman="yes")
    residencies.add_to_crew(crew, noa, "sound")
    residencies.add_to_crew(crew, sam, "facilitation")
    return crew


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "x")
    client.force_login(admin)
    return client


def test_a_residency_crew_opens_its_plateau_space_with_the_same_people(
    residency_crew, residency, sent_mails
):
    before = len(sent_mails())
    opening = services.open_production_for_crew(residency_crew)

    production = opening.production
    assert opening.created
    assert production.residency_crew == residency_crew
    assert production.title == "Sur écoute"
    assert production.first_shooting_day == residency.start_date
    assert production.last_shooting_day == residency.end_date
    members = {m.contact.email: m for m in production.members.select_related("contact")}
    assert set(members) == {"lea@example.org", "noa@example.org", "sam@example.org"}
    lea, noa, sam = (
        members["lea@example.org"],
        members["noa@example.org"],
        members["sam@example.org"],
    )
    assert lea.position == "Réalisation, Scénario"
    assert (lea.parity_post, lea.counts_as_woman) == ("directing", True)  # one post in Plateau
    assert (noa.parity_post, noa.counts_as_woman) == ("sound", None)
    assert sam.role == CrewMember.Role.FACILITATION and sam.parity_post == ""
    assert lea.role == noa.role == CrewMember.Role.MEMBER
    assert {m.status for m in members.values()} == {CrewMember.Status.INVITED}

    mails = sent_mails()[before:]
    assert sorted(m.to[0] for m in mails) == sorted(members)
    assert _invitations(mails) == mails
    assert "3 invitations envoyées" in opening.summary()


def test_an_invited_person_joins_the_space_opened_from_the_residency(
    client, residency_crew, sent_mails
):
    services.open_production_for_crew(residency_crew)
    (mail,) = [m for m in _invitations(sent_mails()) if m.to == ["noa@example.org"]]
    link = re.search(r"http://testserver(/plateau/invitation/\S+/)", mail.body).group(1)
    assert client.post(link).status_code == 303
    assert "Sur écoute" in client.get(reverse("plateau:dashboard")).content.decode()


def test_opening_twice_creates_nothing_twice_and_invites_only_newcomers(
    residency_crew, apply_as, sent_mails
):
    first = services.open_production_for_crew(residency_crew)
    count = len(_invitations(sent_mails()))
    again = services.open_production_for_crew(residency_crew)
    assert not again.created and again.invited == []
    assert again.production == first.production
    assert len(_invitations(sent_mails())) == count
    assert "déjà à jour" in again.summary()

    ana = _accept(apply_as, "ana@example.org", "Ana Le Bihan", "sound")
    residencies.add_to_crew(residency_crew, ana, "boom_operating")
    assert services.people_to_invite(first.production) == ["Ana Le Bihan"]
    synced = services.open_production_for_crew(residency_crew)
    assert [m.contact.email for m in synced.invited] == ["ana@example.org"]
    assert [m.to for m in _invitations(sent_mails())[count:]] == [["ana@example.org"]]
    assert Production.objects.count() == 1
    assert first.production.members.count() == 4
    assert services.people_to_invite(first.production) == []


def test_what_the_crew_changed_in_plateau_stays_when_syncing(residency_crew, sent_mails):
    production = services.open_production_for_crew(residency_crew).production
    noa = production.members.get(contact__email="noa@example.org")
    services.revoke(noa)
    lea = production.members.get(contact__email="lea@example.org")
    lea.is_vhss_referent = True
    lea.save()
    services.open_production_for_crew(residency_crew)
    noa.refresh_from_db()
    lea.refresh_from_db()
    assert noa.status == CrewMember.Status.REVOKED
    assert lea.is_vhss_referent


def test_someone_whose_data_was_erased_is_not_invited(residency_crew, sent_mails):
    noa = residency_crew.members.get(position="sound").application
    residency_gdpr.erase(noa.contact)
    opening = services.open_production_for_crew(residency_crew)
    emails = set(opening.production.members.values_list("contact__email", flat=True))
    assert emails == {"lea@example.org", "sam@example.org"}
    assert opening.not_invited == ["candidature anonymisée"]
    assert services.people_to_invite(opening.production) == []


def test_the_team_opens_the_space_from_the_residency_crews_page(
    admin_client_, residency, residency_crew, sent_mails
):
    crews_page = f"/admin/residences/{residency.pk}/equipes/"
    html = admin_client_.get(crews_page).content.decode()
    assert "Ouvrir l’espace Plateau et inviter l’équipe" in html
    url = reverse("plateau_crews:from_residency", args=[residency_crew.pk])
    assert f'action="{url}"' in html
    assert "Sur écoute" in admin_client_.get(reverse("plateau_crews:index")).content.decode()

    response = admin_client_.post(url)
    production = Production.objects.get(residency_crew=residency_crew)
    assert response.status_code == 302
    assert response["Location"] == reverse("plateau_crews:crew", args=[production.pk])
    page = admin_client_.get(response["Location"]).content.decode()
    assert "Espace Plateau ouvert pour « Sur écoute » : 3 invitations envoyées." in page
    assert "Toutes les personnes de l’équipe de la résidence sont invitées." in page
    html = admin_client_.get(crews_page).content.decode()
    assert "Inviter sur Plateau les personnes ajoutées depuis" in html
    assert admin_client_.post(url).status_code == 302
    assert Production.objects.count() == 1


def test_only_volunteers_who_may_open_productions_see_and_use_the_button(
    client, django_user_model, residency, residency_crew
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("relecture", "r@example.org", "pw")
    for codename in ("access_admin", "view_crew", "view_application"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    html = client.get(f"/admin/residences/{residency.pk}/equipes/").content.decode()
    assert "Ouvrir l’espace Plateau" not in html
    response = client.post(reverse("plateau_crews:from_residency", args=[residency_crew.pk]))
    assert response.status_code in (302, 403)
    assert not Production.objects.exists()
