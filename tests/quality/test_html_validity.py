"""The Nu Html Checker on every public page type, in one Java run: zero errors."""

import pytest

from .checks import CONTACT_PATH, fetch, public_urls, vnu_errors

pytestmark = pytest.mark.browser


def test_every_public_page_is_valid_html(live_url):
    documents, wrong_status = {}, []
    for path, status in public_urls(live_url):
        answered, _, html = fetch(live_url + path)
        if answered != status:
            wrong_status.append(f"{path} answered {answered}, not {status}")
        documents[path] = html
    answered, _, html = fetch(live_url + CONTACT_PATH, data=b"name=&email=")
    assert answered == 400, f"the empty contact form answered {answered}"  # errors shown
    documents[f"{CONTACT_PATH} (after an empty submit)"] = html

    errors = vnu_errors(documents)

    report = "\n\n".join(f"{name}\n  " + "\n  ".join(messages) for name, messages in errors.items())
    assert not wrong_status, wrong_status
    assert not errors, f"{len(errors)} of {len(documents)} pages are invalid HTML:\n\n{report}"
