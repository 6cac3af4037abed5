"""Helpers for migrations: moving a model between apps, rewriting stored codes.

Moving a model from one app to another while its table, rows and history stay where they are.

A move is three migrations (docs/decisions/0015-organisations-in-people.md): the new app
creates the model in its state only (`db_table` keeps the old table), every app pointing at it
retargets its foreign keys in state only, and the old app deletes the model from its state only.
The content type row is renamed, not replaced, so everything that refers to it by id (Wagtail
revisions and log entries, the search index, the reference index, permissions and the groups
holding them) keeps pointing at the same rows. Used from migrations: historical models only.
"""

from __future__ import annotations

from django.db import migrations


def _references(apps, content_type_model):
    """(model, field name) of every historical model with a foreign key to ContentType."""
    for model in apps.get_models():
        if model is content_type_model:
            continue
        for field in model._meta.concrete_fields:
            target = getattr(field.remote_field, "model", None)
            if field.is_relation and target is content_type_model:
                yield model, field.name


def _merge_permissions(apps, duplicate, kept) -> None:
    """Permissions of `duplicate` join their twins on `kept` (grants included), or move over."""
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type=duplicate):
        twin = Permission.objects.filter(content_type=kept, codename=permission.codename).first()
        if twin is None:
            permission.content_type = kept
            permission.save(update_fields=["content_type"])
            continue
        for holder_set, grants in (("group_set", "permissions"), ("user_set", "user_permissions")):
            holders = getattr(permission, holder_set, None)
            for holder in holders.all() if holders is not None else ():
                getattr(holder, grants).add(twin)
        permission.delete()


def rename_content_type(apps, old_app: str, new_app: str, model: str) -> None:
    """`old_app.model` becomes `new_app.model`; a row already made for the new name is merged in."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=old_app, model=model).first()
    if old is None:
        return  # nothing was ever recorded under the old name (a fresh database)
    new = ContentType.objects.filter(app_label=new_app, model=model).first()
    if new is not None:
        # `migrate` ran with the new code before this migration (post_migrate made the new row):
        # the old row keeps its id, whatever refers to the new one joins it.
        _merge_permissions(apps, new, old)
        for referring, name in _references(apps, ContentType):
            if referring._meta.label_lower == "auth.permission":
                continue
            referring._base_manager.filter(**{name: new}).update(**{name: old})
        new.delete()
    old.app_label = new_app
    old.save(update_fields=["app_label"])
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    LiveContentType.objects.clear_cache()


def move_content_types(old_app: str, new_app: str, *models: str) -> migrations.RunPython:
    """A RunPython renaming the content types of `models` forwards, and back when reversed."""

    def forwards(apps, schema_editor):
        for model in models:
            rename_content_type(apps, old_app, new_app, model)

    def backwards(apps, schema_editor):
        for model in models:
            rename_content_type(apps, new_app, old_app, model)

    return migrations.RunPython(forwards, backwards, elidable=False)


# --- stored values -------------------------------------------------------------------------------


def rename_values(app_label: str, changes: dict[tuple[str, str], dict[str, str]]):
    """A RunPython rewriting stored codes, `{(model, field): {old: new}}`, and back on reverse.

    For choices and other codes kept in rows (English in the database, French labels for
    people). Slugs that are unique are renamed only where the new one is free.
    """

    def forwards(apps, schema_editor):
        for (model, field), mapping in changes.items():
            _rename_unique_aware(apps, app_label, model, field, mapping)

    def backwards(apps, schema_editor):
        for (model, field), mapping in changes.items():
            reverse = {new: old for old, new in mapping.items()}
            _rename_unique_aware(apps, app_label, model, field, reverse)

    return migrations.RunPython(forwards, backwards, elidable=False)


def _rename_unique_aware(apps, app_label, model, field, mapping) -> None:
    Model = apps.get_model(app_label, model)
    unique = Model._meta.get_field(field).unique
    rows = Model._base_manager
    for old, new in mapping.items():
        if old == new or (unique and rows.filter(**{field: new}).exists()):
            continue  # a unique code already taken by the team stays as it is
        rows.filter(**{field: old}).update(**{field: new})


class _RenameKey:
    """A StreamField operation (wagtail.blocks.migrations): one key of a struct block renamed."""

    operation_name_fragment = "rename_value"

    def __init__(self, key: str, mapping: dict[str, str]):
        self.key, self.mapping = key, mapping

    def apply(self, block_value):
        value = dict(block_value or {})
        if value.get(self.key) in self.mapping:
            value[self.key] = self.mapping[value[self.key]]
        return value


def rename_block_values(
    app_label: str, model: str, field: str, block_path: str, key: str, mapping: dict[str, str]
) -> migrations.RunPython:
    """Codes stored inside a StreamField (`block_path` → struct `key`), in pages and in all their
    revisions, rewritten forwards and back (Wagtail's MigrateStreamData has no reverse)."""
    from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
    from wagtail.blocks.migrations.operations import BaseBlockOperation

    def operation(values):
        step = type("RenameKey", (_RenameKey, BaseBlockOperation), {})(key, values)
        return MigrateStreamData(app_label, model, field, [(step, block_path)])

    backwards = {new: old for old, new in mapping.items()}
    return migrations.RunPython(operation(mapping).code, operation(backwards).code, elidable=False)
