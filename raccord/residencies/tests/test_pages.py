"""What a visitor sees: the residencies, the call, the application form, the support block."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from raccord.residencies.models import Application, BudgetLine, FundingSource

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Léa Martin",
    "email": "lea@example.org",
    "pronouns": "elle",
    "roles": ["sound"],
    "experience": "Trois courts-métrages.",
    "motivation": "Tourner autrement.",
    "availability": "Toute la résidence.",
    "diet": "vegetarian",
    "dietary_notes": "Allergie aux noix",
}


def assert_cacheable(response):
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")


def test_the_index_lists_residencies_and_flags_the_open_call(client, call, residency):
    response = client.get("/residences/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Créer des films en coopération" in html
    assert "Appel à participation ouvert" in html
    assert_cacheable(response)


def test_the_residency_page_shows_the_call_and_its_roles(client, call, residency):
    response = client.get(residency.url)
    html = response.content.decode()
    assert "Rôles recherchés" in html
    assert "Réalisation : 2 places" in html
    assert "Cuisine : 1 place" in html
    assert f'href="{residency.url}candidater/"' in html
    assert_cacheable(response)


def test_the_support_block_shows_secured_against_target_and_the_donation_link(
    client, residency, settings
):
    settings.RACCORD_DONATION_URL = "https://dons.example.org/raccord"
    residency.show_support_block = True
    residency.save_revision().publish()
    BudgetLine.objects.create(residency=residency, category="meals", label="Repas", amount=1000)
    FundingSource.objects.create(
        residency=residency, kind="donations", name="Dons", amount=250, status="received"
    )
    FundingSource.objects.create(
        residency=residency, kind="public_grant", name="Région", amount=500, status="requested"
    )
    html = client.get(residency.url).content.decode()
    assert "Soutenir la prochaine résidence" in html
    assert '<progress id="financement-' in html and 'value="25"' in html
    assert "250 € sur 1" in html and "(25 %)" in html
    assert 'href="https://dons.example.org/raccord"' in html
    index_html = client.get("/residences/").content.decode()
    assert "Soutenir la prochaine résidence" in index_html


def test_the_donation_link_prefers_the_site_setting(client, residency, site):
    from raccord.core.models import SiteSettings

    residency.show_support_block = True
    residency.save_revision().publish()
    setting = SiteSettings.for_site(site)
    setting.donation_url = "https://www.helloasso.com/associations/exemple"
    setting.save()
    assert "helloasso.com/associations/exemple" in client.get(residency.url).content.decode()


def test_the_application_form_is_cacheable_and_labelled(client, call, residency):
    response = client.get(residency.url + "candidater/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert '<label for="id_email">' in html
    assert "Statistiques de diversité (facultatif)" in html
    assert_cacheable(response)


def test_applying_sends_an_acknowledgement_and_shows_thanks(client, call, residency, sent_mails):
    response = client.post(residency.url + "candidater/", FORM)
    assert response.status_code == 303
    assert response["Location"].endswith("/candidater/merci/")
    application = Application.objects.get()
    assert application.diet == "vegetarian"
    assert application.contact.email == "lea@example.org"
    ack = next(m for m in sent_mails() if m.to == ["lea@example.org"])
    assert "Candidature bien reçue" in ack.subject
    thanks = client.get(response["Location"])
    assert "votre candidature est envoyée" in thanks.content.decode()


def test_bad_input_is_explained_in_french_and_nothing_is_stored(client, call, residency):
    data = {**FORM, "email": "pas-une-adresse", "roles": ["makeup"], "motivation": ""}
    response = client.post(residency.url + "candidater/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saisissez une adresse e-mail valide" in html
    assert "n’est pas proposé dans cet appel" in html
    assert "Ce champ est obligatoire" in html
    assert not Application.objects.exists()


def test_the_honeypot_gets_the_thanks_page_but_nothing_is_stored(client, call, residency):
    response = client.post(residency.url + "candidater/", {**FORM, "site_web": "spam"})
    assert response.status_code == 303
    assert not Application.objects.exists()


def test_a_second_submission_changes_nothing_and_answers_as_the_first(client, call, residency):
    first = client.post(residency.url + "candidater/", FORM)
    second = client.post(
        residency.url + "candidater/", {**FORM, "name": "Usurpateur", "roles": ["cooking"]}
    )
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    application = Application.objects.get()
    assert application.submissions == 1 and application.name == FORM["name"]
    assert [r.role for r in application.roles.all()] == ["sound"]


def test_after_closing_the_form_says_so_and_refuses(client, call, residency):
    call.opens_at -= timedelta(days=60)
    call.closes_at = call.opens_at + timedelta(days=10)
    call.save()
    html = client.get(residency.url + "candidater/").content.decode()
    assert "est clos depuis le" in html
    assert "application-form" not in html
    response = client.post(residency.url + "candidater/", FORM)
    assert response.status_code == 400
    assert "clos depuis le" in response.content.decode()
    assert not Application.objects.exists()


def test_too_many_posts_from_one_address_are_refused(client, call, residency):
    cache.clear()
    for _ in range(8):
        client.post(residency.url + "candidater/", {**FORM, "email": "x"})
    assert client.post(residency.url + "candidater/", FORM).status_code == 429


def test_public_pages_keep_a_query_budget_as_residencies_grow(
    client, residency_index, django_assert_max_num_queries
):
    from raccord.residencies.models import ResidencyPage

    for i in range(12):
        page = ResidencyPage(title=f"Résidence {i}", slug=f"residence-{i}", place="Bretagne")
        residency_index.add_child(instance=page)
        page.save_revision().publish()
    client.get("/residences/")
    with django_assert_max_num_queries(25):
        assert client.get("/residences/").status_code == 200


def test_the_residency_page_keeps_a_query_budget(
    client, call, residency, django_assert_max_num_queries
):
    client.get(residency.url)
    with django_assert_max_num_queries(25):
        assert client.get(residency.url).status_code == 200


def test_the_residency_page_shows_the_films_that_came_out_of_it(client, site, residency):
    from raccord.films.models import FilmIndexPage, FilmPage

    films = FilmIndexPage(title="Films", slug="films")
    site.root_page.add_child(instance=films)
    films.save_revision().publish()
    for title, residency_of_film in [("Sur écoute", residency), ("Un autre film", None)]:
        slug = title.lower().replace(" ", "-")
        film = FilmPage(title=title, slug=slug, year=2024, synopsis="Un court-métrage.")
        film.residency = residency_of_film
        films.add_child(instance=film)
        film.save_revision().publish()
    html = client.get(residency.url).content.decode()
    assert "Ce qui en est sorti" in html
    assert "Sur écoute" in html
    assert "Un autre film" not in html


def test_the_application_form_carries_the_pipelines_honeypot_and_altcha(client, call, residency):
    html = client.get(residency.url + "candidater/").content.decode()
    assert 'name="site_web"' in html
    assert "<altcha-widget" in html
    assert html.index('name="site_web"') > html.index("Statistiques de diversité")


def test_the_same_application_sent_twice_in_a_row_counts_once(client, call, residency, sent_mails):
    first = client.post(residency.url + "candidater/", FORM)
    second = client.post(residency.url + "candidater/", FORM)
    assert first.status_code == second.status_code == 303
    assert second["Location"] == first["Location"]
    assert Application.objects.get().submissions == 1
    assert len([m for m in sent_mails() if m.to == ["lea@example.org"]]) == 1


def test_a_residency_without_a_call_has_no_form(client, residency):
    response = client.get(residency.url + "candidater/")
    assert response.status_code == 404
    assert "Il n’y a pas d’appel à participation" in response.content.decode()
    assert client.post(residency.url + "candidater/", FORM).status_code == 404
    assert not Application.objects.exists()


def test_diversity_answers_are_kept_only_when_the_consent_box_is_ticked(client, call, residency):
    url = residency.url + "candidater/"
    html = client.get(url).content.decode()
    assert 'name="diversity_consent"' in html and "case d’accord ci-dessous" in html
    answers = {"diversity_gender": "woman", "diversity_disability": "yes"}
    with_consent = client.post(url, {**FORM, **answers, "diversity_consent": "on"})
    without = client.post(url, {**FORM, **answers, "email": "sam@example.org", "name": "Sam"})
    assert with_consent.status_code == without.status_code == 303
    kept = Application.objects.get(contact__email="lea@example.org")
    assert kept.diversity_consent and kept.diversity == {"gender": "woman", "disability": "yes"}
    dropped = Application.objects.get(contact__email="sam@example.org")
    assert not dropped.diversity_consent and dropped.diversity == {}
