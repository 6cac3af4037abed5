"""Browser, live-server and SMTP fixtures for journeys and quality gates (issue 3).

API (pytest fixtures, available everywhere through the root conftest.py):

- ``live_url`` -> str, e.g. ``"http://127.0.0.1:41234"`` (no trailing slash). A real HTTP server
  running the whole site in a thread, with the demo content (``load_demo``) already in the
  database. Each test runs in its own savepoint, rolled back afterwards, so a test may change
  anything. The test itself has database access (no need to ask for ``db``). Mails sent by the
  site are delivered at the end of each request (tasks run at once, "after commit"): with
  ``smtp_sink`` they reach the SMTP sink, otherwise ``django.core.mail.outbox`` (pytest-django's
  ``mailoutbox``). Links in mails use ``live_url`` (``RACCORD_SITE_URL`` is switched to it).
- ``page`` -> a Playwright ``Page`` in a fresh browser context (French locale, 1280x800).
  ``page.requests`` lists every requested URL, ``page.console_errors`` every console error,
  uncaught exception and CSP violation. Default timeout 10 s. Other hosts than 127.0.0.1 do not
  resolve (tests never reach the internet), but their requests still appear in ``page.requests``.
- ``browser`` -> the session's Playwright ``Browser`` (Debian's Chromium). For another width or
  a second visitor: ``new_page(browser, width=390, height=844)`` (same recording as ``page``;
  close it with ``p.context.close()``).
- ``smtp_sink`` -> a real SMTP server (aiosmtpd) the site sends to during this test; the one
  SMTP sink of the test suite (journeys and the infolettre sender use it; it needs no browser).
  ``smtp_sink.messages``: list of ``email.message.EmailMessage``; ``to(address)`` and
  ``counts()`` (a Counter by recipient); ``envelopes``; ``connections`` (EHLOs seen);
  ``refuse[address] = "550 ..."`` to refuse a recipient;
  ``smtp_sink.wait_for("ana@example.org", subject="...", timeout=10)`` -> the first message to
  that address (optionally whose subject contains the text), failing the test after the timeout;
  ``smtp_sink.text(msg)`` / ``smtp_sink.html(msg)`` -> body parts;
  ``smtp_sink.links(msg)`` -> URLs in the text part, rewritten to ``live_url``;
  attachments with the standard ``msg.iter_attachments()``.
- ``admin_page`` -> a ``page`` already logged into Wagtail's admin through the real login form, as
  the superuser ``ADMIN_USERNAME`` / ``ADMIN_PASSWORD`` (created for the test).

Every test using the browser or the live server is marked ``browser`` automatically (``pytest -m "not browser"``
skips them) and runs after the other tests. When Chromium, Playwright or the quality tools are
missing the tests skip with a message saying how to install them, except under ``CI=true``,
where they fail. A journey looks like::

    @pytest.mark.browser
    def test_a_visitor_signs_up(live_url, page, smtp_sink):
        page.goto(f"{live_url}/infolettre/")
        page.get_by_label("Adresse e-mail").fill("ana@example.org")
        page.get_by_role("button", name="S’inscrire").click()
        mail = smtp_sink.wait_for("ana@example.org")
        page.goto(smtp_sink.links(mail)[0])

Why one shared transaction rather than pytest-django's ``live_server``: ``live_server`` needs a
transactional database, flushed after every test, so each test would reload the demo (seconds
each). Here the server thread shares the test's database connection: the demo is loaded once
into an outer transaction, each test gets a savepoint, and nothing is ever committed. Requests
and the test's own queries are serialised by a lock, as one connection allows.
"""

from __future__ import annotations

import email
import email.policy
import io
import logging
import os
import re
import shutil
import socket
import threading
import time
from collections import Counter
from email.message import EmailMessage

import pytest

log = logging.getLogger(__name__)

ADMIN_USERNAME = "benevole"
ADMIN_PASSWORD = "mot-de-passe-de-test-1234"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only the live server resolves: a request to another host is logged, then fails fast.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
LIVE_FIXTURES = {"live_url", "admin_page"}
BROWSER_FIXTURES = {"browser", "page", "admin_page", "live_url"}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str):
    """Skip locally with a clear message; fail under CI=true, where every gate must run."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: browser and quality checks must run)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    candidates = [
        os.environ.get("RACCORD_CHROMIUM", ""),
        shutil.which("chromium") or "",
        "/usr/bin/chromium",
    ]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


# --- ordering: browser tests last, so the shared demo transaction never meets other tests ---


def pytest_collection_modifyitems(config, items):
    browser_mark = pytest.mark.browser
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(browser_mark)
        _keep_migration_data(item)
    items.sort(key=lambda item: bool(LIVE_FIXTURES & set(getattr(item, "fixturenames", ()))))


pytest_collection_modifyitems = pytest.hookimpl(trylast=True)(pytest_collection_modifyitems)


def _keep_migration_data(item) -> None:
    """Transactional tests flush the database, taking Wagtail's root page and every data
    migration's rows with them; serialized rollback lets the demo (and them) restore it."""
    marker = item.get_closest_marker("django_db")
    if (
        marker is not None
        and marker.kwargs.get("transaction")
        or (marker is None and "transactional_db" in getattr(item, "fixturenames", ()))
    ):
        kwargs = {**(marker.kwargs if marker else {}), "transaction": True}
        kwargs["serialized_rollback"] = True
        item.add_marker(pytest.mark.django_db(*(marker.args if marker else ()), **kwargs), False)


def restore_migration_data(conn) -> None:
    """Put back what the migrations created if a transactional test flushed it."""
    from wagtail.models import Page

    contents = getattr(conn, "_test_serialized_contents", None)
    if contents and not Page.objects.filter(depth=1).exists():
        conn.creation.deserialize_db_from_string(contents)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # A test without the live server must not see the demo: roll it back first (reloaded later).
    if _state.demo is not None and not LIVE_FIXTURES & set(item.fixturenames):
        _state.demo.close()


# --- the live server sharing the test's connection ---


class _State:
    demo: _DemoDatabase | None = None


_state = _State()


class _SerialisedApp:
    """Runs one request at a time on the shared connection, then its after-commit work."""

    def __init__(self, app, lock):
        self.app = app
        self.lock = lock

    def __call__(self, environ, start_response):
        with self.lock:
            result = self.app(environ, start_response)
            try:
                body = list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
            run_pending_on_commit()
        return body


def run_pending_on_commit() -> None:
    """What a commit would run: mails and tasks queued with transaction.on_commit."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        while conn.run_on_commit:
            pending, conn.run_on_commit = conn.run_on_commit, []
            for _sids, callback, _robust in pending:
                try:
                    callback()
                except Exception:  # a failed task must not hide the page
                    log.exception("on_commit callback failed in the live server")


def warm_up() -> None:
    """Render every page of the sitemap once, inside the demo transaction: image renditions
    (slow to encode) are then made once per session instead of once per test."""
    from urllib.parse import urlsplit

    from django.test import Client

    client = Client(raise_request_exception=False)
    sitemap = client.get("/sitemap.xml")
    if sitemap.status_code != 200:
        return
    for loc in re.findall(r"<loc>\s*([^<]+?)\s*</loc>", sitemap.content.decode()):
        client.get(urlsplit(loc).path)
    run_pending_on_commit()


class _LiveServer:
    def __init__(self, connection):
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.handlers.wsgi import WSGIHandler
        from django.core.servers.basehttp import ThreadedWSGIServer
        from django.test.testcases import QuietWSGIRequestHandler, _MediaFilesHandler

        class Server(ThreadedWSGIServer):
            def _close_connections(self):
                pass  # the connection is the test's: never close it between requests

        self.lock = threading.RLock()
        self.connection = connection
        app = StaticFilesHandler(_MediaFilesHandler(_SerialisedApp(WSGIHandler(), self.lock)))
        self.httpd = Server(
            ("127.0.0.1", 0),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
            connections_override={connection.alias: connection},
        )
        self.httpd.set_app(app)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


class _DemoDatabase:
    """The demo content in an outer transaction shared by the test thread and the server."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.server = None
        self.error = None

    def open(self):
        from django.core.management import call_command
        from django.db import DEFAULT_DB_ALIAS, connections, transaction

        conn = connections[DEFAULT_DB_ALIAS]
        with self.blocker.unblock():
            conn.ensure_connection()
            restore_migration_data(conn)
            self.atomic = transaction.atomic(using=conn.alias)
            self.atomic._from_testcase = True  # durable blocks inside behave as in TestCase
            self.atomic.__enter__()
            conn.close_if_unusable_or_obsolete = lambda: None  # request signals must not close it
            conn.execute_wrappers.append(self._locked)
            conn.inc_thread_sharing()
            if self.server is None:
                self.server = _LiveServer(conn)
                self.server.start()
            self.conn = conn
            _state.demo = self
        from django.conf import settings

        # The demo's images live where it was loaded; live_url serves them from there.
        self.media_root = settings.MEDIA_ROOT
        try:
            with self.blocker.unblock():
                started = time.monotonic()
                call_command("load_demo", stdout=io.StringIO())
                run_pending_on_commit()
                warm_up()
                log.info("demo loaded for the live server in %.1fs", time.monotonic() - started)
        except Exception as error:
            self.close()
            self.error = error  # later tests fail at once instead of loading again
            raise

    def _locked(self, execute, sql, params, many, context):
        with self.server.lock:
            return execute(sql, params, many, context)

    def close(self):
        """Roll the demo back so that a test without the live server sees an empty database."""
        if _state.demo is not self:
            return
        _state.demo = None
        conn = self.conn
        with self.blocker.unblock(), self.server.lock:
            conn.run_on_commit = []
            conn.needs_rollback = True
            self.atomic.__exit__(None, None, None)
            conn.dec_thread_sharing()
            conn.execute_wrappers.remove(self._locked)
            del conn.close_if_unusable_or_obsolete

    def shutdown(self):
        self.close()
        if self.server is not None:
            self.server.stop()
            self.server = None


@pytest.fixture(scope="session")
def _live_demo(django_db_setup, django_db_blocker):
    demo = _DemoDatabase(django_db_blocker)
    yield demo
    demo.shutdown()


@pytest.fixture
def _live_demo_open(_live_demo):
    """Open the demo transaction before `db` adds the test's savepoint inside it."""
    from django.db import connection

    if _live_demo.error is not None:
        pytest.fail(f"The demo content failed to load: {_live_demo.error!r}", pytrace=False)
    if _state.demo is None:
        if connection.in_atomic_block:
            pytest.fail(
                "live_url must be set up before any other database fixture (an autouse "
                "fixture asked for `db` first).",
                pytrace=False,
            )
        _live_demo.open()
    return _live_demo


@pytest.fixture
def live_url(_live_demo_open, db, settings):
    """The live site with the demo content: see the module docstring."""
    url = _live_demo_open.server.url
    settings.MEDIA_ROOT = _live_demo_open.media_root  # whatever the test's own fixtures chose
    settings.RACCORD_SITE_URL = url
    settings.WAGTAILADMIN_BASE_URL = url
    return url


# --- the browser ---


@pytest.fixture(scope="session")
def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: `make install` (dev dependencies).")
    from django.db import connections

    # Playwright's sync API leaves its event loop marked as running in this thread: Django would
    # refuse ORM calls and, worse, hand the test a second connection outside its transaction.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    local = connections._connections
    object.__setattr__(local, "_get_storage", lambda: local._storage)  # always thread-local
    manager = sync_playwright()
    playwright = manager.start()
    yield playwright
    manager.__exit__(None, None, None)
    object.__delattr__(local, "_get_storage")


@pytest.fixture(scope="session")
def browser(_playwright):
    path = chromium_path()
    if path is None:
        unavailable(
            "Chromium not found (looked for $RACCORD_CHROMIUM, `chromium` on PATH, "
            "/usr/bin/chromium): `apt-get install chromium` to run the browser tests."
        )
    browser = _playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def new_page(browser, *, width: int = 1280, height: int = 800, **context_options):
    """A page in a fresh context that records its requests and console errors."""
    context = browser.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        viewport={"width": width, "height": height},
        **context_options,
    )
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(30_000)  # a page may render images on first view
    page = context.new_page()
    page.requests = []
    page.console_errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def admin_page(live_url, page, django_user_model):
    """A volunteer logged in through the admin's own login form."""
    django_user_model.objects.create_superuser(
        ADMIN_USERNAME, "benevole@onestraccord.org", ADMIN_PASSWORD, first_name="Camille"
    )
    page.goto(f"{live_url}/admin/login/")
    page.locator("#id_username").fill(ADMIN_USERNAME)
    page.locator("#id_password").fill(ADMIN_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


# --- the SMTP sink ---


class SmtpSink:
    """Messages received by a real SMTP server during one test (journeys and the sender alike).

    `refuse[address] = "550 5.1.1 No such user"` makes the server refuse a recipient with that
    answer; `envelopes` keeps (MAIL FROM, RCPT TO) of each message; `connections` counts EHLOs.
    """

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.live_url = ""
        self._received = threading.Condition()
        self.reset()

    def reset(self):
        with self._received:
            self.messages: list[EmailMessage] = []
            self.envelopes: list[tuple[str, list[str]]] = []
            self.refuse: dict[str, str] = {}
            self.connections = 0

    # aiosmtpd handler
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self._received:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse.get(address.lower())
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._received:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self._received.notify_all()
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def counts(self) -> Counter:
        return Counter(str(m["To"]) for m in self.messages)

    def wait_for(self, to: str, *, subject: str = "", timeout: float = 10) -> EmailMessage:
        deadline = time.monotonic() + timeout
        with self._received:
            while True:
                for message in self.messages:
                    recipients = str(message.get("To", "")).lower()
                    if to.lower() in recipients and subject in str(message.get("Subject", "")):
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(m["To"], m["Subject"]) for m in self.messages]
                    pytest.fail(f"No mail to {to!r} (subject {subject!r}) in {timeout}s: {seen}")
                self._received.wait(remaining)

    @staticmethod
    def text(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""

    @staticmethod
    def html(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("html",))
        return part.get_content() if part else ""

    def links(self, message: EmailMessage) -> list[str]:
        urls = re.findall(r"https?://[^\s<>\"')\]]+", self.text(message))
        if self.live_url:  # links built before the switch, or from another configured host
            urls = [re.sub(r"^https?://[^/]+", self.live_url, url) for url in urls]
        return urls


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def _smtp_server():
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        unavailable("aiosmtpd is not installed: `make install` (dev dependencies).")
    sink = SmtpSink("127.0.0.1", _free_port())
    controller = Controller(sink, hostname=sink.host, port=sink.port, data_size_limit=0)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture
def smtp_sink(_smtp_server, settings, request):
    """Switch the site to SMTP, pointing at a real server that keeps what it receives."""
    _smtp_server.reset()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = _smtp_server.host
    settings.EMAIL_PORT = _smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    _smtp_server.live_url = (
        request.getfixturevalue("live_url") if "live_url" in request.fixturenames else ""
    )
    yield _smtp_server
    _smtp_server.reset()
