"""One CSV writer for every file the project hands out (docs/decisions/0020-exports-one-csv-writer.md).

Every CSV goes through here: the admin listings' exports (core/admin_exports.py), the GDPR
self-service export and each hand-written export. Two promises, kept in one place:

- nothing a visitor typed runs in a spreadsheet: text starting with = + - @, a tab or a carriage
  return gets a leading quote, except plain numbers (`-25,00`) and phone numbers (`+33 6 …`);
- a French spreadsheet opens it as columns: UTF-8 with a BOM, `;` between cells, Oui/Non,
  dates as dd/mm/yyyy and times in Paris local time to the minute.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
TIME_FORMAT = "%H:%M"

# Only digits and separators after the sign: a spreadsheet reads these as a number, never a call.
_NUMBER = re.compile(r"[+-]?\d[\d \u00a0\u202f.,]*")
_PHONE = re.compile(r"\+\d[\d \u00a0.]*\d")


def neutralise(text: str) -> str:
    """Quote text a spreadsheet would run as a formula; numbers and phone numbers stay as typed."""
    if text[:1] not in FORMULA_STARTS or _NUMBER.fullmatch(text) or _PHONE.fullmatch(text):
        return text
    return "'" + text


def local_time(value: datetime.datetime) -> datetime.datetime:
    """An aware time in the collective's time zone (Paris), naive and cut to the minute."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, ZoneInfo(settings.TIME_ZONE))
    return value.replace(tzinfo=None, second=0, microsecond=0)


def cell(value) -> str:
    """One value as a French spreadsheet should read it, safe to open."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime.datetime):
        return local_time(value).strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, datetime.time):
        return value.strftime(TIME_FORMAT)
    if isinstance(value, (int, float, Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, (list, tuple, set)):
        return neutralise(", ".join(cell(item) for item in value))
    return neutralise(force_str(value))


def lines(header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """The file line by line, BOM first, every cell through `cell()`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER)
    yield BOM
    for row in itertools.chain([header], rows):
        writer.writerow([cell(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    return "".join(lines(header, rows))


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A download named `filename` (without `.csv`)."""
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def csv_stream(filename: str, header: Iterable, rows: Iterable[Iterable]) -> StreamingHttpResponse:
    """The same as `csv_response`, written while the rows are read (long admin listings)."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines(header, rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
