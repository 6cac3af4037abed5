"""Non-page URLs of this app, mounted at the site root before Wagtail's page tree."""

urlpatterns: list = []
