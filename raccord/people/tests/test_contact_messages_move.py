"""Contact messages moved from core to people (decision 0015): rows and grants stay."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from raccord.people.models import ContactMessage
from raccord.people.tests.test_organisations_move import _migrate, _migrate_back_to_latest

BEFORE_THE_MOVE = [
    ("core", "0003_site_pages_news_contact"),
    ("people", "0004_organisations_in_people"),
]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_contact_messages_keep_their_rows_content_type_and_grants_across_the_move():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE_THE_MOVE)
        contact = old.get_model("people", "Contact").objects.create(email="camille@example.org")
        message = old.get_model("core", "ContactMessage").objects.create(
            contact=contact, name="Camille", subject="Projection", message="Bonjour !"
        )
        message_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="core", model="contactmessage"
        )[0]
        change = old.get_model("auth", "Permission").objects.get_or_create(
            content_type=message_type,
            codename="change_contactmessage",
            defaults={"name": "Can change message reçu"},
        )[0]
        old.get_model("auth", "Group").objects.create(name="Accueil").permissions.add(change)
        _migrate(latest)
    finally:
        _migrate_back_to_latest(latest)

    moved = ContactMessage.objects.get(pk=message.pk)
    assert (moved.subject, moved.contact.email) == ("Projection", "camille@example.org")
    assert ContentType.objects.get_for_model(ContactMessage).pk == message_type.pk
    assert not ContentType.objects.filter(app_label="core", model="contactmessage").exists()
    (granted,) = Group.objects.get(name="Accueil").permissions.all()
    assert (granted.content_type_id, granted.codename) == (message_type.pk, "change_contactmessage")
