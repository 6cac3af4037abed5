"""No third party sees a visitor: no request to another host, no cookie without a form sent."""

import pytest

from tests.browser_fixtures import new_page

from .checks import fetch, foreign_requests, public_urls

pytestmark = pytest.mark.browser


def test_public_pages_call_no_other_host_set_no_cookie_and_log_no_error(live_url, browser):
    page = new_page(browser)
    leaks, errors = {}, {}
    for path, status in public_urls(live_url):
        page.requests.clear()
        page.console_errors.clear()
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
        if foreign := foreign_requests(page.requests, live_url):
            leaks[path] = foreign
        logged = [
            error
            for error in page.console_errors  # CSP violations land here too
            if status == 200 or f"status of {status}" not in error  # the page's own 404
        ]
        if logged:
            errors[path] = logged
    cookies = page.context.cookies()
    page.context.close()

    assert not leaks, f"requests to other hosts: {leaks}"
    assert not cookies, f"cookies set for an anonymous visitor: {cookies}"
    assert not errors, f"console errors (CSP violations, scripts): {errors}"


def test_public_pages_answer_without_set_cookie_or_vary_cookie(live_url):
    for path, status in public_urls(live_url):
        answered, headers, _ = fetch(live_url + path)
        assert answered == status, path
        assert "Set-Cookie" not in headers, f"{path} sets a cookie: {headers['Set-Cookie']}"
        assert "cookie" not in (headers.get("Vary") or "").lower(), f"{path} varies on Cookie"
