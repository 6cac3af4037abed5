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
    response = client.post(
        reverse("plateau:proposal_close", args=[proposal.pk]), {"without_quorum": "on"}
    )
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
    closed = services.close(crew["facilitator"], proposal, without_quorum=True)
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
    services.close(crew["facilitator"], round_, without_quorum=True)
    assert round_.log_entries.first().text.splitlines()[0] == "– Intense mais joyeuse"


def _election(crew, office=Proposal.Office.ECO_REFERENT):
    return services.propose(
        crew["facilitator"],
        title="Éco-référent·e du tournage",
        body="Qui pour veiller au carnet carbone ?",
        kind=Proposal.Kind.ELECTION,
        office=office,
    )


def _page_of(client, proposal):
    return client.get(reverse("plateau:proposal", args=[proposal.pk])).content.decode()


def test_an_election_gives_the_role_only_after_the_nominee_accepted(client, crew, as_member):
    election = _election(crew)
    assert election.in_nomination
    with pytest.raises(services.PlateauError):
        services.answer(crew["ana"], election, choice="consent")
    with pytest.raises(services.PlateauError):
        services.close(crew["facilitator"], election)

    # Nomination round: each names someone and says why, hidden from the others.
    as_member(crew["ana"])
    client.post(
        reverse("plateau:proposal", args=[election.pk]),
        {"action": "nominate", "member": crew["paul"].pk, "reason": "Il vient à vélo"},
    )
    services.nominate(crew["coordinator"], election, nominee_id=crew["paul"].pk)
    services.nominate(crew["referent"], election, nominee_id=crew["coordinator"].pk)
    as_member(crew["coordinator"])
    page = _page_of(client, election)
    assert "3 nominations sur 5" in page and "Il vient à vélo" not in page
    # Facilitation cannot propose before the nominations are shared.
    with pytest.raises(services.PlateauError, match="Partagez d’abord"):
        services.put_candidate(crew["facilitator"], election, candidate_id=crew["paul"].pk)

    as_member(crew["facilitator"])
    client.post(reverse("plateau:proposal", args=[election.pk]), {"action": "share"})
    # Facilitation and crew read every nomination with its reason; a change round follows.
    as_member(crew["coordinator"])
    assert "« Il vient à vélo »" in _page_of(client, election)
    services.nominate(crew["coordinator"], election, nominee_id=crew["ana"].pk, reason="Rigueur")
    with pytest.raises(services.PlateauError):
        services.put_candidate(crew["ana"], election, candidate_id=crew["paul"].pk)
    with pytest.raises(services.PlateauError, match="parmi celles"):
        services.put_candidate(crew["facilitator"], election, candidate_id=crew["referent"].pk)
    as_member(crew["facilitator"])
    client.post(
        reverse("plateau:proposal", args=[election.pk]),
        {"action": "candidate", "member": crew["paul"].pk},
    )
    election.refresh_from_db()
    assert election.phase == Proposal.Phase.CONSENT and election.candidate == crew["paul"]

    # The proposed person is asked first: nobody else answers, nobody closes, before they do.
    with pytest.raises(services.PlateauError, match="répond d’abord"):
        services.answer(crew["ana"], election, choice="consent")
    with pytest.raises(services.PlateauError, match="pas encore accepté"):
        services.close(crew["facilitator"], election)
    with pytest.raises(services.PlateauError, match="Seule la personne proposée"):
        services.respond_as_candidate(crew["ana"], election, accept=True)
    as_member(crew["paul"])
    assert "Vous êtes proposé·e pour le rôle" in _page_of(client, election)
    client.post(reverse("plateau:proposal", args=[election.pk]), {"action": "accept"})
    for name in ("ana", "coordinator", "referent"):
        services.answer(crew[name], election, choice="consent")
    services.close(crew["facilitator"], election)
    election.refresh_from_db()
    assert election.outcome == Proposal.Outcome.ELECTED
    assert CrewMember.objects.get(pk=crew["paul"].pk).is_eco_referent


def test_a_nominee_who_declines_gets_no_role_and_facilitation_proposes_another(crew):
    election = _election(crew)
    services.nominate(crew["ana"], election, nominee_id=crew["paul"].pk)
    services.nominate(crew["referent"], election, nominee_id=crew["coordinator"].pk)
    services.share_nominations(crew["facilitator"], election)
    services.put_candidate(crew["facilitator"], election, candidate_id=crew["paul"].pk)
    services.respond_as_candidate(crew["paul"], election, accept=False)
    election.refresh_from_db()
    assert election.phase == Proposal.Phase.DISCUSSION and election.candidate is None
    assert not CrewMember.objects.get(pk=crew["paul"].pk).is_eco_referent
    services.put_candidate(crew["facilitator"], election, candidate_id=crew["coordinator"].pk)
    assert election.__class__.objects.get(pk=election.pk).candidate == crew["coordinator"]
    services.respond_as_candidate(crew["coordinator"], election, accept=False)
    # Nobody accepts: facilitation may end the election, and no role is given.
    closed = services.close(crew["facilitator"], election)
    assert closed.outcome == Proposal.Outcome.NOT_ELECTED
    assert not CrewMember.objects.filter(is_eco_referent=True).exists()


def test_an_objection_in_an_election_sends_the_process_back(crew):
    election = _election(crew, Proposal.Office.VHSS_REFERENT)
    services.nominate(crew["ana"], election, nominee_id=crew["paul"].pk)
    services.share_nominations(crew["facilitator"], election)
    services.put_candidate(crew["facilitator"], election, candidate_id=crew["paul"].pk)
    services.respond_as_candidate(crew["paul"], election, accept=True)
    with pytest.raises(services.PlateauError, match="sa raison"):
        services.answer(crew["ana"], election, choice="objection")
    services.answer(crew["ana"], election, choice="objection", reason="Pas encore formé")
    for name in ("coordinator", "referent"):
        services.answer(crew[name], election, choice="consent")
    services.close(crew["facilitator"], election)
    election.refresh_from_db()
    assert election.is_open and election.phase == Proposal.Phase.DISCUSSION
    assert election.candidate is None and not election.answers.exists()
    assert not CrewMember.objects.get(pk=crew["paul"].pk).is_vhss_referent
    assert "Pas encore formé" in election.log_entries.first().text


def test_nominations_by_members_revoked_later_drop_out(crew):
    election = _election(crew)
    services.nominate(crew["ana"], election, nominee_id=crew["paul"].pk)
    services.nominate(crew["coordinator"], election, nominee_id=crew["paul"].pk)
    services.nominate(crew["referent"], election, nominee_id=crew["ana"].pk)
    services.revoke(CrewMember.objects.get(pk=crew["coordinator"].pk))
    services.share_nominations(crew["facilitator"], election)
    tally = {row["member"].pk: row["count"] for row in services.nomination_tally(election)}
    assert tally == {crew["paul"].pk: 1, crew["ana"].pk: 1}
    assert crew["coordinator"] not in [n.nominator for n in services.shared_nominations(election)]
    services.revoke(CrewMember.objects.get(pk=crew["ana"].pk))
    with pytest.raises(services.PlateauError, match="parmi celles"):
        services.put_candidate(crew["facilitator"], election, candidate_id=crew["paul"].pk)


def test_closing_below_quorum_needs_confirmation_and_the_journal_says_so(
    client, crew, proposal, as_member
):
    services.answer(crew["ana"], proposal, choice="consent")
    services.answer(crew["paul"], proposal, choice="consent")
    assert services.quorum(proposal.production) == 4  # two thirds of five, rounded up
    as_member(crew["facilitator"])
    response = client.post(reverse("plateau:proposal_close", args=[proposal.pk]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "quorum de 4" in page and "Clôturer quand même" in page
    proposal.refresh_from_db()
    assert proposal.is_open
    client.post(reverse("plateau:proposal_close", args=[proposal.pk]), {"without_quorum": "on"})
    proposal.refresh_from_db()
    assert not proposal.is_open and proposal.closed_without_quorum
    entry = proposal.log_entries.first()
    assert "sans quorum" in entry.title and "2 réponse(s), quorum de 4" in entry.text
    proposal.production.quorum = 2
    proposal.production.save()
    assert services.quorum(proposal.production) == 2


def test_only_facilitation_sees_who_has_not_answered(client, crew, proposal, as_member):
    services.answer(crew["ana"], proposal, choice="consent")
    as_member(crew["coordinator"])
    page = _page_of(client, proposal)
    assert "pas encore de réponse" not in page
    with pytest.raises(services.PlateauError):
        services.not_answered(crew["coordinator"], proposal)
    as_member(crew["facilitator"])
    page = _page_of(client, proposal)
    missing = page.split("pas encore de réponse")[1].split("</section>")[0]
    assert "Paul" in missing and "Ana" not in missing


def test_a_closed_decision_names_only_those_who_signed(client, crew, proposal, as_member):
    services.answer(crew["ana"], proposal, choice="consent", signed=True)
    services.answer(crew["paul"], proposal, choice="concern", reason="Trop tôt le matin")
    services.answer(crew["coordinator"], proposal, choice="consent")
    services.answer(crew["referent"], proposal, choice="consent")
    services.close(crew["facilitator"], proposal)
    as_member(crew["coordinator"])
    answers = _page_of(client, proposal).split('id="answers-title"')[1].split("</section>")[0]
    assert "<strong>Ana</strong>" in answers
    assert "Paul" not in answers and "Colin" not in answers and "Romane" not in answers
    assert "Trop tôt le matin" in answers


def test_members_are_told_of_proposals_as_they_chose(client, crew, as_member, sent_mails):
    as_member(crew["ana"])
    response = client.post(reverse("plateau:decisions"), {"action": "notices", "notices": "digest"})
    assert response.status_code == 302
    assert CrewMember.objects.get(pk=crew["ana"].pk).notices == CrewMember.Notices.DIGEST
    services.choose_notices(crew["paul"], CrewMember.Notices.NONE)
    proposal = services.propose(crew["coordinator"], title="Pause à 16 h", body="Un goûter.")
    opened = sent_mails()
    assert sorted(m.to[0] for m in opened) == [
        "colin@example.org",
        "julie@example.org",
        "romane@example.org",
    ]
    assert "Proposition ouverte : Pause à 16 h" in opened[0].subject
    for name in ("ana", "coordinator", "referent", "facilitator"):
        services.answer(crew[name], proposal, choice="consent")
    services.close(crew["facilitator"], proposal)
    closed = sent_mails()[len(opened) :]
    assert len(closed) == 3 and "clôturée" in closed[0].subject
    assert services.send_notice_digests() == 1
    digest = sent_mails()[-1]
    assert digest.to == ["ana@example.org"]
    assert digest.body.count("Pause à 16 h") == 2  # opened, then closed
    assert services.send_notice_digests() == 0


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
