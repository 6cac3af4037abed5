"""The back-office: reviewing blind, selecting together, deciding, crews, logistics, budget."""

import pytest
from django.contrib.auth.models import Permission

from raccord.residencies import services
from raccord.residencies.models import Application, Crew, Opinion

pytestmark = pytest.mark.django_db

REVIEWER_PERMS = [
    ("wagtailadmin", "access_admin"),
    ("residencies", "view_application"),
    ("residencies", "add_opinion"),
]


@pytest.fixture
def reviewer_client(client, reviewers):
    def login(user, perms=REVIEWER_PERMS):
        for app_label, codename in perms:
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        client.force_login(user)
        return client

    return login


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser("equipe", "equipe@example.org", "x")
    client.force_login(admin)
    return client


def test_a_reviewer_sees_others_opinions_only_after_giving_theirs(
    reviewer_client, reviewers, apply_as
):
    application = apply_as()
    alix, bao, _ = reviewers
    services.give_opinion(application, alix, "no", "Secret d’Alix : pas assez d’expérience")
    client = reviewer_client(bao)
    url = f"/admin/residences/candidatures/{application.pk}/avis/"
    html = client.get(url).content.decode()
    assert "Secret d’Alix" not in html
    assert "1 avis déjà donné" in html
    selection = client.get(f"/admin/residences/appels/{application.call_id}/selection/")
    assert "Secret d’Alix" not in selection.content.decode()
    assert "donner le mien pour les voir" in selection.content.decode()

    response = client.post(url, {"verdict": "yes", "comment": "Belle motivation"})
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "Secret d’Alix" in html and "Belle motivation" in html
    selection = client.get(f"/admin/residences/appels/{application.call_id}/selection/")
    assert "Secret d’Alix" in selection.content.decode()


def test_reviewing_twice_is_refused_with_a_clear_message(reviewer_client, reviewers, apply_as):
    application = apply_as()
    client = reviewer_client(reviewers[0])
    url = f"/admin/residences/candidatures/{application.pk}/avis/"
    client.post(url, {"verdict": "yes", "comment": ""})
    response = client.post(url, {"verdict": "no", "comment": "Autre chose"})
    assert "Vous avez déjà donné votre avis" in response.content.decode()
    assert Opinion.objects.get().verdict == "yes"
    client.post(url, {"verdict": "maybe", "comment": "", "replace": "1"})
    assert Opinion.objects.get().verdict == "maybe"


def test_a_reviewer_without_the_right_cannot_decide(reviewer_client, reviewers, apply_as):
    application = apply_as()
    client = reviewer_client(reviewers[0])
    response = client.post(
        f"/admin/residences/candidatures/{application.pk}/decision/", {"status": "accepted"}
    )
    assert response.status_code in (302, 403)  # Wagtail answers "no permission" with a redirect
    assert Application.objects.get().status == "submitted"


def test_the_team_decides_from_the_selection_view_and_the_mail_leaves(
    admin_client_, apply_as, sent_mails
):
    application = apply_as()
    before = len(sent_mails())
    response = admin_client_.post(
        f"/admin/residences/candidatures/{application.pk}/decision/",
        {"status": "waitlist"},
    )
    assert response.status_code == 302
    (mail,) = sent_mails()[before:]
    assert "liste d’attente" in mail.subject
    page = admin_client_.get(response["Location"]).content.decode()
    assert "Le message est parti" in page


def test_selection_groups_by_role_and_hides_small_diversity_groups(admin_client_, apply_as, call):
    for i in range(3):
        apply_as(
            email=f"p{i}@example.org",
            name=f"Personne {i}",
            roles=["sound", "directing"],
            diversity_consent=True,
            diversity={"gender": "woman"},
        )
    html = admin_client_.get(f"/admin/residences/appels/{call.pk}/selection/").content.decode()
    assert "Son — 3 candidatures" in html
    assert "Réalisation — 3 candidatures" in html
    assert "Cuisine — 0 candidature" in html
    assert "Moins de 5 personnes ont répondu" in html


def test_crews_page_adds_people_and_shows_the_parity_panel(admin_client_, residency, apply_as):
    crew = Crew.objects.create(residency=residency, film_title="Récolter la tempête")
    lea = apply_as()
    services.decide(lea, "accepted")
    url = f"/admin/residences/{residency.pk}/equipes/"
    prefix = f"crew{crew.pk}"
    response = admin_client_.post(
        url,
        {
            "crew": crew.pk,
            f"{prefix}-application": lea.pk,
            f"{prefix}-position": "directing",
            f"{prefix}-counts_as_woman": "yes",
        },
    )
    assert response.status_code == 302
    html = admin_client_.get(url).content.decode()
    assert "Parité : 2 points sur 10 — seuil 5" in html
    assert "Il manque 3 points" in html
    assert "Montage (+1)" in html


def test_logistics_exports_csv_and_a_printable_page(admin_client_, residency, apply_as):
    services.decide(apply_as(dietary_notes="Sans gluten"), "accepted")
    url = f"/admin/residences/{residency.pk}/logistique/"
    csv_response = admin_client_.get(url + "?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "Sans gluten" in csv_response.content.decode("utf-8-sig")
    printable = admin_client_.get(url + "?imprimer=1").content.decode()
    assert "Logistique — Créer des films en coopération" in printable
    assert "Je mange de tout" in printable


def test_budget_page_shows_secured_against_target(admin_client_, residency):
    from raccord.residencies.models import BudgetLine, FundingSource

    BudgetLine.objects.create(residency=residency, category="meals", label="Repas", amount=28900)
    FundingSource.objects.create(
        residency=residency, kind="donations", name="Dons", amount=3550, status="granted"
    )
    html = admin_client_.get(f"/admin/residences/{residency.pk}/budget/").content.decode()
    # French number formatting: a non-breaking space between thousands, a comma for decimals.
    assert "3\xa0550,00 € sur un objectif de 28\xa0900,00 €" in html
    assert "3,550" not in html
    assert "(12 %)" in html


def test_the_admin_listings_open(admin_client_, call):
    for url in [
        "/admin/residences/",
        "/admin/residences-appels/",
        "/admin/residences-candidatures/",
        "/admin/residences-equipes/",
        "/admin/residences-budget/",
        "/admin/residences-financements/",
        "/admin/residences-parite/",
    ]:
        assert admin_client_.get(url).status_code == 200, url


def test_the_editing_forms_open(admin_client_, residency, call):
    from raccord.residencies.models import ParityGrid

    grid = ParityGrid.default()
    for url in [
        f"/admin/pages/{residency.pk}/edit/",
        f"/admin/residences-appels/edit/{call.pk}/",
        "/admin/residences-appels/new/",
        f"/admin/residences-parite/edit/{grid.pk}/",
    ]:
        response = admin_client_.get(url)
        assert response.status_code == 200, url


def test_a_volunteer_edits_the_parity_grid_as_data(admin_client_):
    from raccord.residencies.models import ParityGrid

    grid = ParityGrid.default()
    response = admin_client_.get(f"/admin/residences-parite/edit/{grid.pk}/")
    assert "Réalisation" in response.content.decode()
    assert "vérifier" in response.content.decode()


def test_a_personal_word_from_the_review_page_goes_into_the_mail(
    admin_client_, apply_as, sent_mails
):
    application = apply_as()
    url = f"/admin/residences/candidatures/{application.pk}/avis/"
    assert "Un mot personnel" in admin_client_.get(url).content.decode()
    before = len(sent_mails())
    admin_client_.post(
        f"/admin/residences/candidatures/{application.pk}/decision/",
        {"status": "accepted", "message": "On a adoré ta lettre !", "next": url},
    )
    (mail,) = sent_mails()[before:]
    assert "On a adoré ta lettre !" in mail.body
    assert "Bienvenue" in mail.subject


def test_the_applications_listing_searches_exports_and_never_shows_self_descriptions(
    admin_client_, apply_as
):
    application = apply_as(diversity_consent=True, diversity={"racialised": "yes"})
    listing = admin_client_.get("/admin/residences-candidatures/?q=Léa")
    assert "Léa Martin" in listing.content.decode()
    export = admin_client_.get("/admin/residences-candidatures/?export=csv")
    exported = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Léa Martin" in exported
    inspect = admin_client_.get(f"/admin/residences-candidatures/inspect/{application.pk}/")
    assert inspect.status_code == 200
    for text in (exported, inspect.content.decode()):
        assert "racis" not in text.lower()
