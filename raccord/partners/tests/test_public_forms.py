"""The public partner inquiry and coaching forms, as a visitor and the team see them."""

import pytest
from django.conf import settings

from raccord.core.outbox import OutgoingMail
from raccord.partners.models import CoachingRequest, Interaction, PartnershipInquiry
from raccord.people.models import Consent, Contact, Organisation, PartnershipKind

INQUIRY_URL = "/partenaires/devenir-partenaire/"
TRAINING_URL = "/formations/"
ALEX = "alex@cine-coop.example"


def stored_counts():
    return (
        Contact.objects.count(),
        Organisation.objects.count(),
        PartnershipInquiry.objects.count(),
        CoachingRequest.objects.count(),
        Interaction.objects.count(),
        OutgoingMail.objects.count(),
        Consent.objects.count(),
    )


@pytest.mark.django_db
def test_partners_page_shows_partners_and_companions_with_logos(client, partners_page):
    response = client.get("/partenaires/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("Bascule Argoat", "Atelier 7", "Pola", "La Fémis", "SPIAC-CGT", "ESCAT"):
        assert name in html
    assert "Collectifs compagnons" in html
    assert '<img alt=""' in html or 'alt=""' in html
    assert "https://www.femis.fr/" in html
    assert INQUIRY_URL in html


@pytest.mark.django_db
def test_hidden_organisations_stay_off_the_public_page(client, partners_page):
    Organisation.objects.create(name="Fondation Secrète", is_public=False)
    assert "Fondation Secrète" not in client.get("/partenaires/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/partenaires/", INQUIRY_URL, TRAINING_URL])
def test_public_pages_stay_cacheable_for_anonymous_visitors(client, partners_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_partners_page_queries_do_not_grow_with_organisations(
    client, partners_page, django_assert_max_num_queries
):
    client.get("/partenaires/")  # renditions are made on the first visit
    for i in range(30):
        Organisation.objects.create(
            name=f"Collectif {i}", is_public=True, circle=Organisation.Circle.COMPANION
        ).partnership_kinds.set(PartnershipKind.objects.all()[:2])
    with django_assert_max_num_queries(20):
        response = client.get("/partenaires/")
    assert "Collectif 29" in response.content.decode()


@pytest.mark.django_db
def test_inquiry_creates_contact_organisation_interaction_and_mails(
    client, partners_page, inquiry_data, sent_mails
):
    offers = list(PartnershipKind.objects.filter(slug__in=["funding", "distribution"]))
    response = client.post(INQUIRY_URL, {**inquiry_data, "offers": [k.pk for k in offers]})
    assert response.status_code == 303
    assert response["Location"].endswith("/partenaires/devenir-partenaire/merci/")

    contact = Contact.objects.get(email="alex@cine-coop.example")
    assert contact.name == "Alex Rivière" and contact.pronouns == "iel"
    assert contact.roles.filter(slug="partner").exists()
    assert contact.consents.filter(kind=Consent.Kind.CONTACT).exists()
    organisation = Organisation.objects.get(name="Ciné Coop")
    assert organisation.stage == Organisation.Stage.DISCUSSION
    assert organisation.city == "Rennes"
    assert set(organisation.partnership_kinds.all()) == set(offers)
    assert contact.memberships.get().organisation == organisation
    inquiry = PartnershipInquiry.objects.get(contact=contact)
    assert inquiry.organisation == organisation and set(inquiry.offers.all()) == set(offers)
    interaction = Interaction.objects.get(organisation=organisation)
    assert interaction.channel == Interaction.Channel.WEBSITE
    assert interaction.due_date and interaction.next_step

    acknowledgement, team = sent_mails()
    assert acknowledgement.to == ["alex@cine-coop.example"]
    assert "bien reçu" in acknowledgement.subject
    assert "Nous aimerions accueillir une soirée" in acknowledgement.body
    assert team.to == [settings.RACCORD_TEAM_EMAIL]
    assert team.reply_to == ["alex@cine-coop.example"]
    assert "Ciné Coop" in team.subject
    assert "/admin/" in team.body

    thanks = client.get(response["Location"])
    assert "Merci pour votre message" in thanks.content.decode()


@pytest.mark.django_db
def test_inquiry_updates_an_existing_contact_and_organisation(client, partners_page, inquiry_data):
    Organisation.objects.all().delete()
    existing = Contact.objects.create(email="alex@cine-coop.example", name="Alex")
    org = Organisation.objects.create(name="CINÉ COOP", stage=Organisation.Stage.ACTIVE)
    client.post(INQUIRY_URL, inquiry_data)
    assert Contact.objects.filter(email="alex@cine-coop.example").count() == 1
    existing.refresh_from_db()
    assert existing.name == "Alex"  # never overwritten
    org.refresh_from_db()
    assert org.stage == Organisation.Stage.ACTIVE  # an active partner stays active
    assert Organisation.objects.count() == 1
    assert PartnershipInquiry.objects.get(contact=existing).organisation == org


@pytest.mark.django_db
def test_inquiry_sent_twice_is_stored_once(client, partners_page, inquiry_data, sent_mails):
    client.post(INQUIRY_URL, inquiry_data)
    client.post(INQUIRY_URL, inquiry_data)
    assert PartnershipInquiry.objects.filter(contact__email=ALEX).count() == 1
    assert Interaction.objects.filter(channel=Interaction.Channel.WEBSITE).count() == 1
    assert len(sent_mails()) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        ({"email": "pas-une-adresse"}, "ne semble pas valide"),
        ({"name": ""}, "Indiquez votre nom"),
        ({"organisation": ""}, "nom de votre organisation"),
        ({"message": ""}, "quelques mots"),
        ({"website": "javascript:alert(1)"}, "site ne semble pas valide"),
        ({"message": "x" * 5001}, "trop long"),
    ],
)
def test_bad_inquiry_stores_nothing_and_explains_in_french(
    client, partners_page, inquiry_data, change, message
):
    before = stored_counts()
    response = client.post(INQUIRY_URL, {**inquiry_data, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored_counts() == before


@pytest.mark.django_db
def test_honeypot_gets_the_same_thanks_and_stores_nothing(client, partners_page, inquiry_data):
    before = stored_counts()
    response = client.post(INQUIRY_URL, {**inquiry_data, "site_web": "http://spam.example"})
    assert response.status_code == 303
    assert response["Location"].endswith("/merci/")
    assert stored_counts() == before


@pytest.mark.django_db
def test_inquiry_form_is_rate_limited(client, partners_page, inquiry_data):
    """Without an ALTCHA proof (no JavaScript), three sends an hour from one client address."""
    for i in range(3):
        client.post(INQUIRY_URL, {**inquiry_data, "message": f"Message {i}"})
    response = client.post(INQUIRY_URL, {**inquiry_data, "message": "Encore un"})
    assert response.status_code == 429
    assert PartnershipInquiry.objects.filter(contact__email=ALEX).count() == 3


@pytest.mark.django_db
def test_one_address_gets_at_most_three_acknowledgements_an_hour(
    client, partners_page, inquiry_data, sent_mails
):
    for i in range(4):  # from four client addresses: only the per-address limit applies
        data = {**inquiry_data, "message": f"Message {i}"}
        response = client.post(INQUIRY_URL, data, REMOTE_ADDR=f"192.0.2.{i}")
        assert response.status_code == 303
    assert PartnershipInquiry.objects.filter(contact__email=ALEX).count() == 3
    assert len([mail for mail in sent_mails() if mail.to == [ALEX]]) == 3


@pytest.mark.django_db
def test_training_page_shows_the_three_offers(client, training_page):
    html = client.get(TRAINING_URL).content.decode()
    assert "Soirée-atelier" in html
    assert "Formation à la coopération" in html
    assert "Accompagnement d’une équipe pendant un tournage" in html
    assert 'name="crew_size"' in html


@pytest.mark.django_db
def test_coaching_request_feeds_the_pipeline(client, training_page, coaching_data, sent_mails):
    response = client.post(TRAINING_URL, coaching_data)
    assert response.status_code == 303
    assert response["Location"].endswith("/formations/merci/")
    request = CoachingRequest.objects.get(contact__email="maelle@prod.example")
    assert request.offer == CoachingRequest.Offer.COACHING
    assert request.crew_size == 18
    assert str(request.shoot_start) == "2026-04-06"
    assert request.contact.email == "maelle@prod.example"
    assert request.organisation.name == "Prod Example"
    interaction = Interaction.objects.get(contact=request.contact)
    assert "Les Marées" in interaction.summary
    acknowledgement, team = sent_mails()
    assert acknowledgement.to == ["maelle@prod.example"]
    assert "Les Marées" in acknowledgement.body
    assert team.to == [settings.RACCORD_TEAM_EMAIL]
    assert "Accompagnement" in team.subject
    assert "Merci pour votre demande" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        ({"crew_size": "0"}, "au moins une personne"),
        ({"crew_size": "beaucoup"}, "nombre de personnes"),
        ({"offer": "autre-chose"}, "Sélectionnez un choix valide"),
        ({"shoot_end": "2026-03-01"}, "après son début"),
        ({"production": ""}, "production ou le projet"),
        ({"needs": ""}, "vos besoins"),
        ({"shoot_start": "32/13/2026"}, "Date invalide"),
    ],
)
def test_bad_coaching_request_stores_nothing(client, training_page, coaching_data, change, message):
    before = stored_counts()
    response = client.post(TRAINING_URL, {**coaching_data, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored_counts() == before


@pytest.mark.django_db
def test_coaching_honeypot_and_rate_limit(client, training_page, coaching_data):
    before = stored_counts()
    response = client.post(TRAINING_URL, {**coaching_data, "site_web": "x"})
    assert response.status_code == 303
    assert stored_counts() == before
    for i in range(2):  # the honeypot's send counted: three an hour without an ALTCHA proof
        client.post(TRAINING_URL, {**coaching_data, "needs": f"Besoin {i}"})
    assert client.post(TRAINING_URL, {**coaching_data, "needs": "Encore"}).status_code == 429
    assert CoachingRequest.objects.filter(contact__email="maelle@prod.example").count() == 2


@pytest.mark.django_db
def test_form_pages_have_a_small_query_budget(client, training_page, django_assert_max_num_queries):
    for url in (TRAINING_URL, INQUIRY_URL, "/mes-donnees/"):
        client.get(url)
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_an_inquiry_with_someone_elses_address_leaves_their_records_untouched(
    client, partners_page, inquiry_data
):
    Contact.objects.create(email="alex@cine-coop.example", name="", pronouns="")
    Organisation.objects.create(name="Ciné Coop", kind=Organisation.Kind.VENUE)
    response = client.post(INQUIRY_URL, {**inquiry_data, "name": "Usurpateur"})
    assert response.status_code == 303
    contact = Contact.objects.get(email="alex@cine-coop.example")
    assert (contact.name, contact.pronouns) == ("", "")  # empty fields stay empty
    organisation = Organisation.objects.get(name="Ciné Coop")
    assert (organisation.city, organisation.website) == ("", "")
    inquiry = PartnershipInquiry.objects.get(contact=contact)  # the new inquiry is kept
    interaction = Interaction.objects.get(organisation=organisation)
    assert "ville : Rennes" in interaction.summary  # what was typed reaches the team
    assert inquiry.organisation == organisation
