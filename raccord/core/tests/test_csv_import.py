"""The one CSV import: any spreadsheet's export reads the same; a preview never writes."""

import pytest

from raccord.core import csv_import


class Names(csv_import.CsvImport):
    required = (("email", "courriel"),)

    def __init__(self):
        self.written = []

    def check(self, row, seen):
        if "@" not in row.get("email", "courriel"):
            row.errors.append("Adresse invalide.")
        row.action = "création"

    def apply(self, rows):
        self.written += [row.get("email", "courriel") for row in rows]


def test_semicolons_bom_and_windows_accents_read_like_a_plain_file():
    plain = csv_import.read("Courriel,Nom\nlea@example.org,Léa\n")
    excel = csv_import.read("\ufeffCOURRIEL;Nom\r\n\r\nlea@example.org;Léa\r\n".encode())
    windows = csv_import.read("Courriel;Nom\nlea@example.org;Léa\n".encode("cp1252"))
    expected = (["courriel", "nom"], [{"courriel": "lea@example.org", "nom": "Léa"}])
    assert plain == excel == windows == expected


def test_a_preview_checks_every_row_and_writes_nothing():
    importer = Names()
    report = importer.run("email\na@example.org\npas-une-adresse\n")
    assert [row.line for row in report.bad] == [3] and report.count("création") == 1
    assert not report.applied and importer.written == []


@pytest.mark.django_db
def test_one_bad_row_blocks_an_all_or_nothing_import_but_not_the_others():
    text = "email\na@example.org\npas-une-adresse\n"
    strict = Names()
    assert not strict.run(text, dry_run=False).applied and strict.written == []
    lenient = Names()
    lenient.all_or_nothing = False
    assert lenient.run(text, dry_run=False).applied and lenient.written == ["a@example.org"]


def test_a_file_without_its_key_column_is_refused_in_french():
    with pytest.raises(csv_import.CsvImportError, match="colonne « email »"):
        Names().run("nom\nLéa\n")
    with pytest.raises(csv_import.CsvImportError, match="vide"):
        Names().run(b"")
