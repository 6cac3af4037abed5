"""One CSV import for every importer (contacts, organisations, infolettre subscribers).

An importer says what differs: how to check one row (what would happen, or what is wrong) and
how to apply the good rows. This module owns what is the same, so the team gets one behaviour
everywhere (docs/decisions/0016-one-csv-import.md):

1. read: UTF-8 (with or without BOM) or Windows-1252, comma, semicolon or tab, one header
   line; column names compared lower-cased; blank lines skipped;
2. preview (`dry_run=True`, the default): every row checked, nothing written;
3. apply: in one transaction; with `all_or_nothing` a file with one bad row changes nothing,
   otherwise the good rows go in and the bad ones are reported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import transaction

MAX_BYTES = 5 * 1024 * 1024


class CsvImportError(Exception):
    """The file as a whole cannot be imported; the French message says why."""


@dataclass
class ImportRow:
    line: int  # as a spreadsheet numbers it: the header is line 1
    data: dict[str, str]
    action: str = ""  # what applying it does, in the team's words: « création », « à importer »
    errors: list[str] = field(default_factory=list)
    found: dict[str, Any] = field(default_factory=dict)  # what the check resolved, for apply

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error(self) -> str:
        return " ".join(self.errors)

    def get(self, *columns: str) -> str:
        """The first non-empty value among these column names (aliases of one column)."""
        return next((self.data[c] for c in columns if self.data.get(c)), "")


@dataclass
class ImportReport:
    rows: list[ImportRow]
    dry_run: bool = True
    applied: bool = False
    kind: str = ""

    @property
    def good(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok]

    @property
    def bad(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.ok]

    @property
    def error_count(self) -> int:
        return len(self.bad)

    def count(self, action: str) -> int:
        return sum(1 for row in self.good if row.action == action)


def decode(content: bytes | str, *, max_bytes: int = MAX_BYTES) -> str:
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    if len(content) > max_bytes:
        raise CsvImportError(
            f"Le fichier dépasse {max_bytes // (1024 * 1024)} Mo : découpez-le en plusieurs fichiers."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvImportError("Le fichier n’est pas un texte lisible (UTF-8 attendu).")


def read(content: bytes | str, *, max_bytes: int = MAX_BYTES) -> tuple[list[str], list[dict]]:
    """(column names, rows as {column: value}), names lower-cased, values trimmed."""
    text = decode(content, max_bytes=max_bytes)
    # The header line says the separator: csv.Sniffer guesses wrong on short files.
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        lines = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise CsvImportError("Le fichier n’a pas pu être lu comme un CSV.") from error
    if not lines:
        raise CsvImportError("Le fichier est vide ou n’a pas de ligne d’en-tête.")
    header = [name.strip().lower() for name in lines[0]]
    rows = [
        {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header) if name}
        for row in lines[1:]
    ]
    return header, rows


class CsvImport:
    """Subclass and implement `check(row)` and `apply(rows)`; call `run(content, dry_run=...)`."""

    kind: ClassVar[str] = ""
    required: ClassVar[tuple[tuple[str, ...], ...]] = ()  # each: accepted names of one column
    all_or_nothing: ClassVar[bool] = True
    max_bytes: ClassVar[int] = MAX_BYTES

    def prepare(self, header: list[str]) -> None:
        """Checks on the file as a whole; raise CsvImportError to refuse it."""
        for names in self.required:
            if not set(names) & set(header):
                raise CsvImportError(f"La colonne « {names[0]} » est obligatoire.")

    def check(self, row: ImportRow, seen: set) -> None:
        """Fill `row.action` (what would happen) or `row.errors`; `seen` spans the file."""
        raise NotImplementedError

    def apply(self, rows: list[ImportRow]) -> None:
        """Write the good rows; runs inside one transaction."""
        raise NotImplementedError

    def run(self, content: bytes | str, *, dry_run: bool = True) -> ImportReport:
        header, data = read(content, max_bytes=self.max_bytes)
        self.prepare(header)
        report = ImportReport(
            rows=[ImportRow(line=n, data=d) for n, d in enumerate(data, start=2)],
            dry_run=dry_run,
            kind=self.kind,
        )
        seen: set = set()
        for row in report.rows:
            self.check(row, seen)
        if dry_run or not report.good or (self.all_or_nothing and report.bad):
            return report
        with transaction.atomic():
            self.apply(report.good)
        report.applied = True
        return report
