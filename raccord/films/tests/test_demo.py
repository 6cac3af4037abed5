import pytest

from raccord.core.demo_support import DemoContext
from raccord.films import demo
from raccord.films.models import ComicPlate, FilmPage, ScreeningRequest, Showing


@pytest.mark.django_db
def test_demo_loads_twice_without_changing_anything(ctx, client, sent_mails):
    demo.load(ctx)
    counts = (
        FilmPage.objects.count(),
        ComicPlate.objects.count(),
        ScreeningRequest.objects.count(),
        Showing.objects.count(),
    )
    again = DemoContext(site=ctx.site, home=ctx.home)
    demo.load(again)
    assert again.created == []
    assert counts == (
        FilmPage.objects.count(),
        ComicPlate.objects.count(),
        ScreeningRequest.objects.count(),
        Showing.objects.count(),
    )
    assert counts[:2] == (2, 10)
    statuses = set(ScreeningRequest.objects.values_list("status", flat=True))
    assert {"new", "in_discussion", "confirmed", "refused"} <= statuses
    for path in (
        "/films/",
        "/films/sur-ecoute/",
        "/exposition/",
        "/exposition/planche-10/",
        "/captations/",
        "/diffusion/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Côté Court" in client.get("/films/sur-ecoute/").content.decode()


@pytest.mark.django_db
def test_demo_soirees_loaded_first_link_their_projections_to_the_films(ctx, client):
    from raccord.events import demo as events_demo
    from raccord.events.models import EventPage

    events_demo.load(ctx)
    demo.load(ctx)
    event = EventPage.objects.live().filter(programme__icontains="projection").first()
    html = client.get(event.url).content.decode()
    assert 'href="/films/recolter-la-tempete/"' in html
    assert 'href="/films/sur-ecoute/"' in html
    revisions = event.revisions.count()
    demo.load(DemoContext(site=ctx.site, home=ctx.home))  # nothing more to link
    assert event.revisions.count() == revisions
