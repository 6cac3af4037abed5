from django.urls import reverse

PAGES = [
    "plateau:dashboard", "plateau:weather", "plateau:weather_trend", "plateau:decisions",
    "plateau:log", "plateau:crew", "plateau:care", "plateau:referent_inbox",
    "plateau:call_sheets", "plateau:carbon", "plateau:pay", "plateau:parity",
]


def test_every_page_renders_for_facilitation(client, crew, as_member):
    as_member(crew["facilitator"])
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code in (200, 403), name
