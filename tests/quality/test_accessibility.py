"""axe-core on every public page type at a phone and a desktop width, and keyboard-only forms."""

import pytest

from tests.browser_fixtures import new_page

from .checks import (
    CONTACT_PATH,
    DESKTOP,
    PHONE,
    axe_violations,
    discovered_forms,
    format_violations,
    keyboard_only_submit,
    keyboard_reaches_every_field,
    public_urls,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_public_page_passes_axe_wcag_a_and_aa(live_url, browser, viewport):
    page = new_page(browser, **viewport)
    failures = []
    checked = public_urls(live_url)
    for path, status in checked:
        response = page.goto(live_url + path)
        if response.status != status:
            failures.append(f"{path} answered {response.status}, not {status}")
            continue
        violations = axe_violations(page)
        if violations:
            failures.append(f"{path}\n{format_violations(violations)}")
    # The contact form after an empty submit shows its errors: they must be accessible too.
    page.goto(live_url + CONTACT_PATH)
    form = page.locator("main form[method=post]")
    form.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():  # the ALTCHA widget submits once its proof is ready
        form.locator("[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".form-field--error").count() > 0, "the empty contact form shows no error"
    violations = axe_violations(page)
    if violations:
        failures.append(f"{CONTACT_PATH} (after an empty submit)\n{format_violations(violations)}")
    page.context.close()
    assert not failures, (
        f"{len(failures)} of {len(checked) + 1} pages break WCAG rules at "
        f"{viewport['width']}px:\n\n" + "\n\n".join(failures)
    )


def test_the_contact_form_works_with_the_keyboard_alone(live_url, page, smtp_sink):
    page.goto(live_url + CONTACT_PATH)
    visited = keyboard_only_submit(
        page,
        "main form[method=post]",
        {
            "name": "Sam Clavier",
            "email": "sam@example.org",
            "subject": "Au clavier",
            "message": "Un message écrit sans souris, du début à la fin.",
            "consent": True,
        },
    )
    assert [name for name, _ in visited][:2] == ["name", "email"]
    page.wait_for_url("**/nous-rencontrer/?envoye=1")
    smtp_sink.wait_for("sam@example.org")


def test_every_public_form_can_be_filled_with_the_keyboard(live_url, page):
    """Sign-up, registration, requests…: each form found on the site, every field by Tab."""
    forms = discovered_forms(live_url)
    failures, checked = [], set()
    for action, form in forms.items():
        if action in checked:
            continue
        page.goto(live_url + form["page"])
        count = page.evaluate(
            """() => { const forms = document.querySelectorAll("form[method=post i]");
                forms.forEach((f, i) => f.setAttribute("data-kbd-check", i));
                return forms.length; }"""
        )
        for index in range(count):
            selector = f'form[data-kbd-check="{index}"]'
            target = page.eval_on_selector(selector, "f => f.getAttribute('action') || ''")
            target = target.replace(live_url, "") or form["page"]
            if target in checked:
                continue
            checked.add(target)
            try:
                keyboard_reaches_every_field(page, selector)
            except AssertionError as error:
                failures.append(f"{form['page']} (form to {target}): {error}")
    assert checked, "no public form found"
    assert not failures, "\n".join(failures)
