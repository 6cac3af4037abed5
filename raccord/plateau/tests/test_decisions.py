"""Consent decisions, question rounds and elections without candidates."""

import pytest
from django.urls import reverse

from raccord.plateau import services
from raccord.plateau.models import CrewMember, LogEntry, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(crew):
    return services.propose(
        crew["ana"], title="Pas de tournage après 20 h", body="On arrête à 20 h chaque soir."
    )


def test_answers_stay_hidden_until_the_proposal_closes(client, crew, proposal, as_member):
    services.answer(crew["paul"], proposal, choice="consent")
    services.answer(
        crew["referent"], proposal, choice="concern", reason="Les nuits de la semaine 2"
    )
    as_member(crew["ana"])
    page = client.get(reverse("plateau:proposal", args=[proposal.pk])).content.decode()
    assert "2 réponses sur 5" in page
    assert "Les nuits de la semaine 2" not in page
    assert 'class="answer-list"' not in page

    as_member(crew["facilitator"])
    response = client.post(reverse("plateau:proposal_close", args=[proposal.pk]))
    assert response.status_code == 302
    page = client.get(reverse("plateau:proposal", args=[proposal.pk])).content.decode()
    assert "Issue : Adoptée avec réserves" in page
    assert "« Les nuits de la semaine 2 »" in page


def test_answers_show_once_everyone_has_answered(crew, proposal):
    for name in ("facilitator", "coordinator", "referent", "ana"):
        services.answer(crew[name], proposal, choice="consent")
    assert not services.answers_visible(proposal)
    services.answer(crew["paul"], proposal, choice="consent")
    assert services.answers_visible(proposal)


def test_an_objection_needs_a_reason(client, crew, proposal, as_member):
    with pytest.raises(services.PlateauError, match="raison"):
        services.answer(crew["paul"], proposal, choice="objection", reason="  ")
    as_member(crew["paul"])
    response = client.post(
        reverse("plateau:proposal", args=[proposal.pk]), {"choice": "objection", "reason": ""}
    )
    assert response.status_code == 400
    assert "Une objection s’accompagne de sa raison" in response.content.decode()
    assert not proposal.answers.exists()
    client.post(
        reverse("plateau:proposal", args=[proposal.pk]),
        {"choice": "objection", "reason": "Les scènes de nuit ne tiennent pas avant 20 h."},
    )
    assert proposal.answers.get().choice == "objection"


def test_an_objection_stops_the_proposal_and_the_log_keeps_why(crew, proposal):
    services.answer(crew["paul"], proposal, choice="objection", reason="Les scènes de nuit.")
    services.answer(crew["ana"], proposal, choice="consent")
    closed = services.close(crew["facilitator"], proposal)
    assert closed.outcome == Proposal.Outcome.OBJECTED
    entry = LogEntry.objects.filter(proposal=proposal).first()
    assert "Non adoptée" in entry.title
    assert "Objection : Les scènes de nuit." in entry.text
    assert "Paul" not in entry.text  # the log keeps reasons, not who objected
    with pytest.raises(services.PlateauError):
        services.answer(crew["ana"], proposal, choice="objection", reason="trop tard")


def test_only_facilitation_closes(client, crew, proposal, as_member):
    with pytest.raises(services.PlateauError):
        services.close(crew["ana"], proposal)
    as_member(crew["ana"])
    assert client.post(reverse("plateau:proposal_close", args=[proposal.pk])).status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_open


def test_a_question_round_collects_words_then_logs_them(crew):
    round_ = services.propose(
        crew["facilitator"],
        title="Comment s’est passée la semaine ?",
        body="Un mot chacun·e.",
        kind=Proposal.Kind.ROUND,
    )
    with pytest.raises(services.PlateauError):
        services.answer(crew["ana"], round_, reason="")
    services.answer(crew["ana"], round_, reason="Intense mais joyeuse")
    services.close(crew["facilitator"], round_)
    assert round_.log_entries.first().text == "– Intense mais joyeuse"


def test_an_election_without_candidates_gives_the_role(client, crew, as_member):
    election = services.propose(
        crew["facilitator"],
        title="Éco-référent·e du tournage",
        body="Qui pour veiller au carnet carbone ?",
        kind=Proposal.Kind.ELECTION,
        office=Proposal.Office.ECO_REFERENT,
    )
    assert election.in_nomination
    with pytest.raises(services.PlateauError):
        services.answer(crew["ana"], election, choice="consent")
    with pytest.raises(services.PlateauError):
        services.close(crew["facilitator"], election)

    as_member(crew["ana"])
    client.post(
        reverse("plateau:proposal", args=[election.pk]),
        {"action": "nominate", "member": crew["paul"].pk, "reason": "Il vient à vélo"},
    )
    services.nominate(crew["coordinator"], election, nominee_id=crew["paul"].pk)
    services.nominate(crew["referent"], election, nominee_id=crew["coordinator"].pk)
    page = client.get(reverse("plateau:proposal", args=[election.pk])).content.decode()
    assert "3 nominations sur 5" in page and "Il vient à vélo" not in page

    with pytest.raises(services.PlateauError):
        services.put_candidate(crew["ana"], election, candidate_id=crew["paul"].pk)
    as_member(crew["facilitator"])
    client.post(
        reverse("plateau:proposal", args=[election.pk]),
        {"action": "candidate", "member": crew["paul"].pk},
    )
    election.refresh_from_db()
    assert election.phase == Proposal.Phase.CONSENT and election.candidate == crew["paul"]
    page = client.get(reverse("plateau:proposal", args=[election.pk])).content.decode()
    assert "« Il vient à vélo »" in page  # nominations are heard once the round is over

    for name in ("ana", "coordinator", "paul"):
        services.answer(crew[name], election, choice="consent")
    services.close(crew["facilitator"], election)
    election.refresh_from_db()
    assert election.outcome == Proposal.Outcome.ELECTED
    assert CrewMember.objects.get(pk=crew["paul"].pk).is_eco_referent


def test_an_objection_in_an_election_gives_no_role(crew):
    election = services.propose(
        crew["facilitator"],
        title="Référent·e VHSS",
        body="Élection",
        kind=Proposal.Kind.ELECTION,
        office=Proposal.Office.VHSS_REFERENT,
    )
    services.nominate(crew["ana"], election, nominee_id=crew["paul"].pk)
    services.put_candidate(crew["facilitator"], election, candidate_id=crew["paul"].pk)
    services.answer(crew["ana"], election, choice="objection", reason="Pas encore formé")
    services.close(crew["facilitator"], election)
    assert election.__class__.objects.get(pk=election.pk).outcome == "not_elected"
    assert not CrewMember.objects.get(pk=crew["paul"].pk).is_vhss_referent


def test_a_new_proposal_from_the_page(client, crew, as_member):
    as_member(crew["ana"])
    response = client.post(
        reverse("plateau:decisions"),
        {"kind": "consent", "title": "Covoiturage", "body": "On part à trois voitures."},
    )
    proposal = Proposal.objects.get()
    assert response.url == reverse("plateau:proposal", args=[proposal.pk])
    assert proposal.author == crew["ana"]
    bad = client.post(reverse("plateau:decisions"), {"kind": "election", "title": "x", "body": "y"})
    assert bad.status_code == 400 and Proposal.objects.count() == 1
