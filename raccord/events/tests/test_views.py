"""What a visitor sees: listings, event pages, registering, cancelling, calendars and the API."""

import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from raccord.events import services
from raccord.events.models import EventPage, Registration

pytestmark = pytest.mark.django_db


def _anonymous_and_cacheable(response):
    assert "Set-Cookie" not in response.headers
    assert "cookie" not in response.headers.get("Vary", "").lower()


def test_the_index_lists_upcoming_first_then_the_archive(client, make_event):
    now = timezone.now()
    make_event(title="Soirée passée", start=now - timedelta(days=30))
    make_event(title="Prochaine soirée", start=now + timedelta(days=3))
    make_event(title="Atelier plus tard", start=now + timedelta(days=9), kind="workshop")

    response = client.get("/soirees/")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        html.index("Prochaine soirée")
        < html.index("Atelier plus tard")
        < html.index("Soirée passée")
    )
    assert 'type="text/calendar"' in html and "/soirees/agenda.ics" in html
    assert "40 places restantes" in html
    _anonymous_and_cacheable(response)

    filtered = client.get("/soirees/?type=workshop").content.decode()
    assert "Atelier plus tard" in filtered and "Prochaine soirée" not in filtered


def test_index_queries_do_not_grow_with_events(client, make_event, django_assert_max_num_queries):
    now = timezone.now()
    for n in range(3):
        make_event(start=now + timedelta(days=n + 1))
    client.get("/soirees/")
    with django_assert_max_num_queries(14) as few:
        client.get("/soirees/")
    for n in range(12):
        make_event(start=now + timedelta(days=n + 5))
        make_event(start=now - timedelta(days=n + 5))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/soirees/")


def test_an_event_page_shows_seats_venue_programme_and_json_ld(
    client, event, register, django_assert_max_num_queries
):
    register(event, seats=3)
    with django_assert_max_num_queries(16):
        response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "37 places restantes sur 40" in html
    assert "le DOC" in html and "openstreetmap.org" in html
    assert 'rel="alternate" type="text/calendar"' in html
    assert 'name="email"' in html and "csrfmiddlewaretoken" not in html
    assert "style=" not in html
    _anonymous_and_cacheable(response)
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["location"]["name"] == "le DOC"
    assert data["startDate"] == event.start.isoformat()


def test_a_visitor_registers_from_the_page_and_gets_the_mail(client, event, sent_mails):
    response = client.post(
        event.register_url(),
        {"name": "Romane", "email": "romane@exemple.org", "seats": "2"},
    )
    assert response.status_code == 303
    page = client.get(response.url)
    assert "Un e-mail part à l’instant" in page.content.decode()
    registration = Registration.objects.get()
    assert registration.seats == 2 and registration.status == "confirmed"
    (mail,) = sent_mails()
    assert mail.to == ["romane@exemple.org"]


def test_a_full_event_answers_the_same_neutral_page_the_mail_tells_the_waitlist(
    client, make_event, register, sent_mails
):
    event = make_event(capacity=1)
    register(event)
    response = client.post(
        event.register_url(), {"name": "Ana", "email": "ana@exemple.org", "seats": "1"}
    )
    assert response.url.endswith("/inscription/recue/")
    assert "attente" in sent_mails()[-1].subject.lower()


def test_bad_input_shows_french_errors_and_stores_nothing(client, make_event):
    event = make_event(max_seats_per_registration=2)
    response = client.post(
        event.register_url(), {"name": "", "email": "pas-une-adresse", "seats": "5"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez votre nom" in html
    assert "adresse e-mail n’est pas valide" in html
    assert "de 1 à 2 places" in html
    assert not Registration.objects.exists()


def test_a_closed_event_refuses_the_post_with_a_message(client, make_event):
    event = make_event(registration_closes_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        event.register_url(), {"name": "A", "email": "a@exemple.org", "seats": "1"}
    )
    assert response.status_code == 400
    assert "sont closes" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_honeypot_gets_a_success_page_and_nothing_is_stored(client, event):
    response = client.post(
        event.register_url(),
        {"name": "Bot", "email": "bot@exemple.org", "seats": "1", "site_web": "http://spam"},
    )
    assert response.status_code == 303
    assert "Demande reçue" in client.get(response.url).content.decode()
    assert not Registration.objects.exists()


def test_the_cancel_link_shows_a_button_and_only_the_post_cancels(
    client, make_event, register, sent_mails
):
    event = make_event(capacity=1)
    registration = register(event, name="Colin")
    waiting = register(event)
    url = services.manage_url(registration).replace("http://testserver", "")

    page = client.get(url)
    assert page.status_code == 200
    assert "Annuler mon inscription" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a mail scanner's GET changes nothing

    done = client.post(url)
    assert done.status_code == 303
    assert "Votre inscription est annulée" in client.get(done.url).content.decode()
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == "cancelled"
    assert waiting.status == "confirmed"


def test_a_tampered_link_gets_a_french_error(client, event, register):
    registration = register(event)
    url = services.manage_url(registration).replace("http://testserver", "")
    response = client.post(url[:-3] + "xyz/")
    assert response.status_code == 400
    assert "n’est pas valide" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_places_json_gives_the_live_count_cheaply(
    client, event, register, django_assert_max_num_queries
):
    register(event, seats=4)
    with django_assert_max_num_queries(3):
        data = client.get(event.places_url()).json()
    assert data["remaining_seats"] == 36
    assert data["registration_open"] is True
    assert data["label"] == "36 places restantes"


def test_the_agenda_and_event_ics_parse_with_paris_times(client, make_event):
    start = timezone.now().replace(microsecond=0) + timedelta(days=4)
    event = make_event(start=start, title="Table ronde")
    make_event(start=timezone.now() - timedelta(days=4), title="Passée")

    agenda = client.get("/soirees/agenda.ics")
    assert agenda["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(agenda.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["summary"] == "Table ronde"
    assert str(vevent.decoded("dtstart").tzinfo) == "Europe/Paris"
    assert vevent.decoded("dtstart") == start
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Paris"

    single = icalendar.Calendar.from_ical(client.get(event.ics_url()).content)
    assert single.walk("VEVENT")[0].decoded("dtend") == event.end


def test_the_api_lists_upcoming_events_for_partners(
    client, make_event, register, django_assert_max_num_queries
):
    event = make_event(capacity=10)
    make_event(capacity=None)
    make_event(start=timezone.now() - timedelta(days=3))
    register(event, seats=2)
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/soirees/")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 2
    first = data["results"][0]
    assert set(first) >= {
        "id",
        "title",
        "url",
        "start",
        "end",
        "venue",
        "capacity",
        "remaining_seats",
        "registration_open",
    }
    assert first["remaining_seats"] == 8
    assert first["url"].startswith("http")
    assert data["results"][1]["remaining_seats"] is None


def test_a_past_event_shows_its_recap_instead_of_the_form(client, make_event):
    event = make_event(start=timezone.now() - timedelta(days=40), recap="Une belle soirée.")
    html = client.get(event.url).content.decode()
    assert "Une belle soirée." in html
    assert "registration-form" not in html


def test_the_demo_loads_twice_without_changes(site):
    from raccord.core.demo_support import DemoContext
    from raccord.events import demo

    ctx = DemoContext(site=site, home=site.root_page.specific)
    demo.load(ctx)
    assert EventPage.objects.count() == 3
    upcoming = EventPage.objects.upcoming().get()
    assert upcoming.capacity == 40 and upcoming.registration_is_open()
    march = EventPage.objects.get(slug="prendre-soin-sur-les-plateaux-mars-2025")
    assert timezone.localtime(march.start).strftime("%d/%m/%Y %H:%M") == "09/03/2025 18:00"
    again = DemoContext(site=site, home=site.root_page.specific)
    demo.load(again)
    assert again.created == []
    assert EventPage.objects.count() == 3


def test_a_past_event_shows_its_photos_with_alt_text_and_its_recording(client, make_event, index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from raccord.events.models import EventPhoto

    event = make_event(start=timezone.now() - timedelta(days=60))
    image = Image.objects.create(title="Table ronde", file=get_test_image_file())
    EventPhoto.objects.create(
        page=event, image=image, alt_text="Le public en cercle autour de la table ronde"
    )
    try:
        from raccord.films.models import RecordingIndexPage, RecordingPage
    except ImportError:
        RecordingPage = None
    if RecordingPage is not None and hasattr(RecordingPage, "event"):
        recordings = RecordingIndexPage(title="Captations", slug="captations")
        index.get_parent().add_child(instance=recordings)
        recording = RecordingPage(
            title="Le soin sur les plateaux, la table ronde",
            slug="soin",
            recorded_on=event.start.date(),
            event=event,
        )
        recordings.add_child(instance=recording)
        recording.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert 'alt="Le public en cercle autour de la table ronde"' in html
    if RecordingPage is not None and hasattr(RecordingPage, "event"):
        assert "Le soin sur les plateaux, la table ronde" in html
