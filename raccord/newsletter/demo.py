"""Demo content of this app, loaded by `manage.py load_demo` (idempotent)."""


def load(ctx) -> None:
    pass
