"""Fixtures shared by every app's tests: mails, the SMTP sink, the demo site."""

import pytest
from django.core import mail as django_mail
from django.core.cache import cache, caches
from django.db import connection

pytest_plugins = ["tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_on(settings):
    """The app's page cache as in production (the test settings turn it off), emptied around."""
    settings.RACCORD_PAGE_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def fragments_on(settings):
    """Shared fragments and routing copies as in production (core/fragments.py, routing.py)."""
    settings.RACCORD_FRAGMENT_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def run_on_commit():
    """Run the on-commit callbacks the test transaction holds back (mails, tasks)."""

    def run():
        while True:
            callbacks = [cb for _, cb, _ in connection.run_on_commit]
            connection.run_on_commit = []
            if not callbacks:
                return
            for callback in callbacks:
                callback()

    return run


@pytest.fixture
def sent_mails(run_on_commit, mailoutbox):
    """`sent_mails()` delivers what the outbox queued and returns every mail sent so far."""

    def deliver():
        run_on_commit()
        return list(django_mail.outbox)

    return deliver


@pytest.fixture
def site(db):
    """The demo home page and default site, as `make run` sets them up."""
    from raccord.core import demo
    from raccord.core.demo_support import DemoContext

    ctx = DemoContext()
    demo.load(ctx)
    return ctx.site


@pytest.fixture
def registered(monkeypatch):
    """`registered(registry.gdpr, "key", entry)`: an entry in a core registry for one test only."""

    def add(target, key, entry):
        monkeypatch.setitem(target._entries, key, entry)
        return entry

    return add
