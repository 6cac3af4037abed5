"""Recordings are sent with HTTP Range support: a browser can seek in a long video."""

import pytest
from django.core.files.base import ContentFile

from raccord.core.sendfile import parse_range

BODY = bytes(range(256)) * 40  # 10,240 bytes


@pytest.mark.parametrize(
    "header, expected",
    [
        ("", None),
        ("bytes=0-9", (0, 9)),
        ("bytes=10240-", "unsatisfiable"),
        ("bytes=100-", (100, 10239)),
        ("bytes=-100", (10140, 10239)),
        ("bytes=0-99999", (0, 10239)),
        ("bytes=0-1,5-9", None),  # several ranges: the whole file, as RFC 9110 allows
        ("items=0-9", None),
    ],
)
def test_range_headers(header, expected):
    assert parse_range(header, len(BODY)) == expected


@pytest.fixture
def recording(db, settings, tmp_path):
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = str(tmp_path)
    document = get_document_model()(title="Captation de mars")
    document.file.save("captation.mp4", ContentFile(BODY))
    document.save()
    return document


def test_a_browser_seeking_in_a_recording_gets_the_bytes_it_asked_for(client, recording):
    whole = client.get(recording.url)
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == BODY

    part = client.get(recording.url, HTTP_RANGE="bytes=5000-5099")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 5000-5099/{len(BODY)}"
    assert b"".join(part.streaming_content) == BODY[5000:5100]

    beyond = client.get(recording.url, HTTP_RANGE=f"bytes={len(BODY)}-")
    assert beyond.status_code == 416


def test_in_production_nginx_sends_the_file(client, recording, settings):
    settings.RACCORD_SENDFILE_ACCEL = "/_documents/"
    response = client.get(recording.url)
    assert response["X-Accel-Redirect"] == "/_documents/documents/captation.mp4"
    assert response.content == b""
