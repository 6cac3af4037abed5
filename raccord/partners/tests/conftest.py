import pytest

from raccord.partners.models import PartnersIndexPage, TrainingPage


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Placeholder logos are written to a throwaway folder, not var/test-media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def partners_page(site):
    from raccord.core.demo_support import DemoContext
    from raccord.partners import demo

    ctx = DemoContext(site=site, home=site.root_page.specific)
    demo.load(ctx)
    return PartnersIndexPage.objects.get()


@pytest.fixture
def training_page(partners_page):
    return TrainingPage.objects.get()


@pytest.fixture
def inquiry_data():
    return {
        "name": "Alex Rivière",
        "pronouns": "iel",
        "email": "  Alex@Cine-Coop.example ",
        "organisation": "Ciné Coop",
        "role": "programmation",
        "city": "Rennes",
        "website": "https://cine-coop.example",
        "message": "Nous aimerions accueillir une soirée avec vos deux films.",
    }


@pytest.fixture
def coaching_data():
    return {
        "name": "Maëlle Durand",
        "email": "maelle@prod.example",
        "organisation": "Prod Example",
        "offer": "coaching",
        "production": "Les Marées",
        "crew_size": "18",
        "shoot_start": "2026-04-06",
        "shoot_end": "2026-04-30",
        "location": "Douarnenez",
        "needs": "Une équipe jeune qui veut prendre des décisions ensemble.",
    }
