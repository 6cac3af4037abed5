import pytest


@pytest.mark.django_db
def test_partners_page_lists_partners(client, partners_page):
    response = client.get("/partenaires/")
    assert response.status_code == 200
    assert "Bascule Argoat" in response.content.decode()
