import pytest

from raccord.films import gdpr, services
from raccord.films.models import ScreeningRequest
from raccord.people.models import Contact


@pytest.mark.django_db
def test_export_and_erase_a_contacts_requests(film, future):
    request, _ = services.submit_request(
        kind="screening",
        email="camille@example.org",
        name="Camille Martin",
        organisation_name="Ciné Lumière",
        venue_kind="cinema",
        city="Rennes",
        date_from=future,
        films=[film],
        budget="pay_what_you_can",
        phone="0600000000",
        message="Mon message personnel",
    )
    services.add_note(request, "Camille préfère le téléphone")
    contact = Contact.objects.get(email="camille@example.org")
    data = gdpr.export(contact)["demandes_de_diffusion"]
    assert data[0]["structure"] == "Ciné Lumière"
    assert data[0]["films"] == ["Récolter la tempête"]
    assert data[0]["message"] == "Mon message personnel"

    gdpr.erase(contact)
    request = ScreeningRequest.objects.get()
    assert request.contact is None and request.phone == "" and request.message == ""
    assert request.contact_name == ""
    assert not request.activity.exclude(text="").exists()
    assert request.city == "Rennes"  # counts and places stay
    assert gdpr.export(contact) == {"generique_des_films": [], "demandes_de_diffusion": []}


@pytest.mark.django_db
def test_a_person_in_the_credits_finds_it_in_the_export_and_is_unlinked_on_erasure(film):
    from raccord.films.models import FilmCredit

    contact = Contact.objects.create(email="cheffe@example.org", name="Cheffe op")
    FilmCredit.objects.filter(film=film, name="Personne 0").update(contact=contact)
    assert gdpr.export(contact)["generique_des_films"] == [
        {"film": "Récolter la tempête", "role": "Rôle 0", "nom": "Personne 0"}
    ]
    gdpr.erase(contact)
    assert not FilmCredit.objects.filter(contact=contact).exists()
    assert FilmCredit.objects.filter(name="Personne 0").exists()
