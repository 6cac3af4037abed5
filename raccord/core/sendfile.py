"""How Wagtail's document view sends a file (`SENDFILE_BACKEND`): with HTTP Range support.

A browser seeks in a long recording by asking for byte ranges; Wagtail's default streaming
backend always sends the whole file, so a video cannot be skipped forward. In production nginx
sends the file itself (`X-Accel-Redirect` to an internal location, `RACCORD_SENDFILE_ACCEL`):
it answers Range requests, and no gunicorn worker is held for the length of a download. In
development the app answers them (one range per request, what browsers ask for media).
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import http_date

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def sendfile(request, filename, mimetype="application/octet-stream", **kwargs):
    accel = getattr(settings, "RACCORD_SENDFILE_ACCEL", "")
    if accel:
        relative = os.path.relpath(filename, settings.MEDIA_ROOT)
        response = HttpResponse(content_type=mimetype)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(relative)
        return response
    return ranged_file_response(request, filename, mimetype)


def ranged_file_response(request, filename, mimetype):
    stat = os.stat(filename)
    size = stat.st_size
    wanted = parse_range(request.META.get("HTTP_RANGE", ""), size)
    if wanted is None:
        response = FileResponse(open(filename, "rb"), content_type=mimetype)  # noqa: SIM115
        response["Content-Length"] = str(size)
    elif wanted == "unsatisfiable":
        response = HttpResponse(status=416, content_type=mimetype)
        response["Content-Range"] = f"bytes */{size}"
    else:
        start, end = wanted
        response = StreamingHttpResponse(
            _read(filename, start, end - start + 1), status=206, content_type=mimetype
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(stat.st_mtime)
    return response


def parse_range(header: str, size: int):
    """(start, end) inclusive for one satisfiable range; None to send the whole file (no
    header, several ranges, or a malformed one, which RFC 9110 lets a server ignore);
    "unsatisfiable" when it starts past the end."""
    match = _RANGE.match(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    start = int(first)
    if start >= size:
        return "unsatisfiable"
    end = min(int(last), size - 1) if last else size - 1
    if end < start:
        return None
    return start, end


def _read(filename, start, length):
    with open(filename, "rb") as f:
        f.seek(start)
        while length > 0:
            chunk = f.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk
