"""Applying, reviewing, deciding, composing crews: the domain rules as people live them."""

from datetime import date, timedelta

import pytest

from raccord.people.models import Consent, Contact
from raccord.residencies import services
from raccord.residencies.models import Application, Crew, Opinion
from raccord.residencies.services import ResidencyError

pytestmark = pytest.mark.django_db


# --- The call opens and closes on time -------------------------------------------------------


def test_the_call_is_open_between_its_opening_and_its_closing(call):
    assert not call.is_open(now=call.opens_at - timedelta(seconds=1))
    assert call.is_open(now=call.opens_at)
    assert call.is_open(now=call.closes_at - timedelta(seconds=1))
    assert not call.is_open(now=call.closes_at)
    assert call in type(call).objects.open()
    assert call not in type(call).objects.open(now=call.closes_at)


def test_an_application_after_closing_is_refused_and_nothing_is_stored(call, sent_mails):
    with pytest.raises(ResidencyError, match="clos depuis le"):
        services.apply(
            call,
            email="tard@example.org",
            name="Sam Tard",
            roles=["sound"],
            motivation="Je veux venir.",
            now=call.closes_at + timedelta(minutes=1),
        )
    assert not Application.objects.exists()
    assert not Contact.objects.filter(email="tard@example.org").exists()
    assert sent_mails() == []


def test_an_application_before_opening_is_refused(call):
    with pytest.raises(ResidencyError, match="pas encore ouvert"):
        services.apply(
            call,
            email="tot@example.org",
            name="Tom Tôt",
            roles=["sound"],
            motivation="Je veux venir.",
            now=call.opens_at - timedelta(minutes=1),
        )


# --- Applying ----------------------------------------------------------------------------------


def test_an_application_is_acknowledged_and_the_team_is_told(call, apply_as, sent_mails, settings):
    application = apply_as(
        roles=["sound", "directing"],
        diet="vegetarian",
        dietary_notes="Allergie aux noix",
        pronouns="elle",
    )
    assert application.status == Application.Status.SUBMITTED
    assert sorted(application.roles.values_list("role", flat=True)) == ["directing", "sound"]
    assert application.contact.pronouns == "elle"
    ack, team = sent_mails()
    assert ack.to == ["lea@example.org"]
    assert "Candidature bien reçue" in ack.subject
    assert "Son" in ack.body and "Réalisation" in ack.body
    assert team.to == [settings.RACCORD_TEAM_EMAIL]
    assert "Léa Martin" in team.subject
    assert f"/admin/residences/candidatures/{application.pk}/avis/" in team.body


def test_a_role_the_call_does_not_offer_is_refused(call, apply_as):
    with pytest.raises(ResidencyError, match="n’est pas proposé"):
        apply_as(roles=["makeup"])
    assert not Application.objects.exists()


def test_applying_with_someone_elses_address_changes_nothing_and_mails_the_owner(
    call, apply_as, sent_mails, settings
):
    first = apply_as(roles=["sound"], motivation="Première version", pronouns="elle")
    before = len(sent_mails())
    second = apply_as(
        email="LEA@example.org ",
        name="Usurpateur",
        pronouns="il",
        roles=["cooking"],
        motivation="Seconde version",
    )
    assert second.pk == first.pk
    assert Application.objects.count() == 1
    first.refresh_from_db()
    assert (first.motivation, first.name, first.submissions) == (
        "Première version",
        "Léa Martin",
        1,
    )
    assert list(first.roles.values_list("role", flat=True)) == ["sound"]
    assert (first.contact.name, first.contact.pronouns) == ("Léa Martin", "elle")
    (mail,) = sent_mails()[before:]  # the owner only: nothing new for the team
    assert mail.to == ["lea@example.org"] and "déjà enregistrée" in mail.subject
    assert "Usurpateur" not in mail.body and "Seconde version" not in mail.body
    assert mail.reply_to == [call.team_email or settings.RACCORD_TEAM_EMAIL]
    assert mail.alternatives


def test_diversity_answers_are_kept_only_with_their_own_consent(call, apply_as):
    without = apply_as(diversity={"gender": "woman"})
    assert without.diversity == {}
    assert not Consent.objects.filter(kind="diversity").exists()
    with_consent = apply_as(
        email="noa@example.org",
        diversity_consent=True,
        diversity={"gender": "non_binary", "racialised": "maybe", "inconnu": "x"},
    )
    assert with_consent.diversity == {"gender": "non_binary"}
    consent = Consent.objects.get(kind="diversity")
    assert consent.contact.email == "noa@example.org"
    assert "cinq personnes" in consent.wording


# --- Collective selection --------------------------------------------------------------------


def test_a_reviewer_sees_no_other_opinion_before_giving_their_own(apply_as, reviewers):
    application = apply_as()
    alix, bao, _ = reviewers
    services.give_opinion(application, alix, "yes", "Très beau parcours.")
    assert services.visible_opinions(application, bao) == []
    services.give_opinion(application, bao, "maybe", "À discuter.")
    seen = services.visible_opinions(application, bao)
    assert [o.reviewer.username for o in seen] == ["alix", "bao"]


def test_a_reviewer_cannot_give_a_second_opinion_by_accident(apply_as, reviewers):
    application = apply_as()
    alix = reviewers[0]
    services.give_opinion(application, alix, "yes")
    with pytest.raises(ResidencyError, match="déjà donné votre avis"):
        services.give_opinion(application, alix, "no", "Changement d’avis")
    assert Opinion.objects.get().verdict == "yes"
    services.give_opinion(application, alix, "no", "Après discussion", replace=True)
    assert Opinion.objects.get().verdict == "no"


def test_a_no_needs_a_comment(apply_as, reviewers):
    with pytest.raises(ResidencyError, match="commentaire"):
        services.give_opinion(apply_as(), reviewers[0], "no", "  ")


@pytest.mark.parametrize(
    ("status", "subject"),
    [
        ("accepted", "Bienvenue"),
        ("waitlist", "liste d’attente"),
        ("declined", "Votre candidature"),
    ],
)
def test_each_decision_sends_its_own_kind_mail(apply_as, sent_mails, reviewers, status, subject):
    application = apply_as()
    sent_mails().clear()
    before = len(sent_mails())
    services.decide(application, status, by=reviewers[0], message="On pense à vous.")
    mails = sent_mails()[before:]
    assert len(mails) == 1
    (mail,) = mails
    assert mail.to == ["lea@example.org"]
    assert subject in mail.subject
    assert "On pense à vous." in mail.body
    application.refresh_from_db()
    assert application.status == status
    assert application.decided_by == reviewers[0]


def test_the_same_decision_twice_sends_nothing_more(apply_as, sent_mails):
    application = apply_as()
    services.decide(application, "accepted")
    count = len(sent_mails())
    with pytest.raises(ResidencyError, match="déjà"):
        services.decide(application, "accepted")
    assert len(sent_mails()) == count


def test_accepted_people_form_the_roster(residency, apply_as):
    lea = apply_as()
    noa = apply_as(email="noa@example.org", name="Noa Diallo")
    services.decide(lea, "accepted")
    services.decide(noa, "waitlist")
    assert [a.name for a in services.roster(residency)] == ["Léa Martin"]


# --- Crews and parity -------------------------------------------------------------------------


def test_a_crew_is_made_from_the_roster_and_gets_a_parity_score(residency, apply_as):
    crew = Crew.objects.create(residency=residency, film_title="Récolter la tempête")
    lea = apply_as()
    services.decide(lea, "accepted")
    noa = apply_as(email="noa@example.org", name="Noa Diallo")
    with pytest.raises(ResidencyError, match="Seules les personnes retenues"):
        services.add_to_crew(crew, noa, "sound")
    services.add_to_crew(crew, lea, "directing", counts_as_woman="yes")
    services.add_to_crew(crew, lea, "screenwriting", counts_as_woman="yes")
    with pytest.raises(ResidencyError, match="tient déjà le poste"):
        services.add_to_crew(crew, lea, "screenwriting")
    result = crew.parity()
    assert result.score == 3
    assert result.threshold == 5
    assert not result.reached
    assert "editing" in {line.code for line in result.changes}


def test_someone_in_a_crew_cannot_be_declined_without_leaving_it(residency, apply_as):
    crew = Crew.objects.create(residency=residency, film_title="Sur écoute")
    lea = apply_as()
    services.decide(lea, "accepted")
    member = services.add_to_crew(crew, lea, "sound")
    with pytest.raises(ResidencyError, match="retirez-la"):
        services.decide(lea, "declined")
    services.remove_from_crew(member)
    services.decide(lea, "declined")


# --- Logistics ------------------------------------------------------------------------------


def test_logistics_counts_diets_and_lists_needs_and_dates(residency, apply_as):
    for i, diet in enumerate(["vegetarian", "vegetarian", "omnivore"]):
        application = apply_as(
            email=f"p{i}@example.org",
            name=f"Personne {i}",
            diet=diet,
            dietary_notes="Sans gluten" if i == 0 else "",
            accessibility_needs="Chambre de plain-pied" if i == 1 else "",
            arrival_date=date(2026, 4, 20),
            departure_date=date(2026, 5, 3) if i else None,
        )
        services.decide(application, "accepted")
    apply_as(email="pas-retenue@example.org", diet="vegan")
    summary = services.logistics(residency)
    assert summary["count"] == 3
    assert summary["diets"] == [("Végétarien", 2), ("Je mange de tout", 1)]
    assert summary["dietary_notes"] == [("Personne 0", "Sans gluten")]
    assert summary["accessibility"] == [("Personne 1", "Chambre de plain-pied")]
    assert summary["arrivals"] == [(date(2026, 4, 20), ["Personne 0", "Personne 1", "Personne 2"])]
    assert summary["dates_missing"] == ["Personne 0"]
    csv_text = services.logistics_csv(residency)
    assert csv_text.splitlines()[0].startswith("\ufeffNom;Pronoms;Rôles")
    assert "Sans gluten" in csv_text


def test_csv_cells_never_start_a_formula(residency, apply_as):
    services.decide(apply_as(dietary_notes="=HYPERLINK(1)"), "accepted")
    assert "'=HYPERLINK(1)" in services.logistics_csv(residency)


# --- Diversity figures ----------------------------------------------------------------------


def _with_answers(answers):
    return [
        Application(diversity_consent=True, diversity=a, name=str(i)) for i, a in enumerate(answers)
    ]


def test_diversity_figures_are_hidden_for_groups_under_five():
    summary = services.diversity_summary(_with_answers([{"gender": "woman"}] * 4))
    assert summary == {"shown": False, "respondents": None, "questions": []}


def test_diversity_figures_hide_each_small_answer_and_its_complement():
    answers = [{"gender": "woman"}] * 6 + [{"gender": "man"}] * 5 + [{"gender": "non_binary"}] * 2
    summary = services.diversity_summary(_with_answers(answers))
    assert summary["shown"] and summary["respondents"] == 13
    genre = dict(summary["questions"][0]["rows"])
    assert genre["Non-binaire"] is None
    assert genre["Homme"] is None  # hidden too, or 13 - 6 - 5 would give the small one away
    assert genre["Femme"] == 6


def test_answers_without_consent_never_count():
    answers = _with_answers([{"gender": "woman"}] * 5)
    answers[0].diversity_consent = False
    assert not services.diversity_summary(answers)["shown"]


# --- Budget ---------------------------------------------------------------------------------


def test_budget_totals_secured_and_target(residency):
    from raccord.residencies.models import BudgetLine, FundingSource

    BudgetLine.objects.create(residency=residency, category="meals", label="Repas", amount=4200)
    BudgetLine.objects.create(residency=residency, category="housing", label="Gîte", amount=5800)
    for status, amount in [("requested", 3000), ("granted", 2500), ("received", 1500)]:
        FundingSource.objects.create(
            residency=residency, kind="public_grant", name=status, amount=amount, status=status
        )
    assert residency.budget_total() == 10000
    totals = residency.funding_totals()
    assert totals["target"] == 10000
    assert totals["secured"] == 4000
    assert totals["requested"] == 3000
    assert totals["remaining"] == 6000
    assert totals["percent"] == 40
    residency.funding_target = 8000
    assert residency.funding_totals()["percent"] == 50


def test_a_residency_without_budget_shows_no_percentage(residency):
    assert residency.funding_totals()["percent"] == 0


def test_dates_are_shown_in_french(residency):
    residency.period_label = ""
    assert residency.when == "du 20 avril 2026 au 3 mai 2026"
    residency.period_label = "printemps 2026"
    assert residency.when == "printemps 2026"
