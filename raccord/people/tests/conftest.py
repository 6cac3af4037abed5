import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Placeholder logos are written to a throwaway folder, not var/test-media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("equipe", "equipe@example.org", "pw")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def partners_demo(site):
    from raccord.core.demo_support import DemoContext
    from raccord.partners import demo

    demo.load(DemoContext(site=site, home=site.root_page.specific))
