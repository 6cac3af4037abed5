"""The call sheet as a PDF (fpdf2), with a shipped Unicode font so accented French renders."""

from __future__ import annotations

from pathlib import Path

from django.utils import formats
from fpdf import FPDF

from raccord.core import identity

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "RaccordSans"
# The shipped font is a subset; anything outside it is replaced rather than left blank.
_REPLACEMENTS = {"\u202f": " ", "\u2009": " ", "\u00ad": ""}


def _known_glyphs() -> set[int]:
    from fontTools.ttLib import TTFont

    with TTFont(FONT_DIR / "DejaVuSans.ttf") as font:
        return set(font.getBestCmap())


_GLYPHS: set[int] | None = None


def safe(text) -> str:
    global _GLYPHS
    if _GLYPHS is None:
        _GLYPHS = _known_glyphs()
    text = "".join(_REPLACEMENTS.get(ch, ch) for ch in str(text or ""))
    return "".join(ch if ord(ch) in _GLYPHS or ch in "\n\t" else "?" for ch in text)


class CallSheetPDF(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_title(safe(title))
        self.set_author(identity.for_site(None).name)
        self.set_creator("Raccord · Plateau coopératif")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=15)
        self._footer_text = safe(title)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 83, 76)
        self.cell(0, 6, f"{self._footer_text} · page {self.page_no()}", align="C")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(FONT, "B", 12)
        self.set_text_color(122, 46, 29)
        self.cell(0, 7, safe(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(31, 26, 23)
        self.set_font(FONT, "", 10)

    def para(self, text: str) -> None:
        self.set_font(FONT, "", 10)
        self.multi_cell(0, 5, safe(text), new_x="LMARGIN", new_y="NEXT")


def _time(value) -> str:
    return value.strftime("%H:%M") if value else "—"


def call_sheet_pdf(sheet) -> bytes:
    """Date, places, times, who, meals and the care contacts, on one or two A4 pages."""
    from .services import care_panel

    production = sheet.production
    day = formats.date_format(sheet.day, "l j F Y")
    title = f"{production.title} · feuille de service du {day}"
    pdf = CallSheetPDF(title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, safe(production.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    number = f" · jour {sheet.day_number}" if sheet.day_number else ""
    pdf.multi_cell(
        0, 6, safe(f"Feuille de service du {day}{number}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.para(
        f"Convocation générale : {_time(sheet.general_call)} · fin prévue : {_time(sheet.wrap)}"
    )

    pdf.heading("Lieux")
    pdf.para("\n".join(sheet.lines("places")) or "À préciser.")
    if sheet.schedule.strip():
        pdf.heading("Déroulé")
        pdf.para("\n".join(sheet.lines("schedule")))

    pdf.heading("Convocations")
    calls = list(sheet.calls.select_related("member__contact"))
    if calls:
        for call in calls:
            pdf.set_font(FONT, "B", 10)
            pdf.cell(18, 5, _time(call.time))
            pdf.set_font(FONT, "", 10)
            who = call.member.display_name
            if call.member.position:
                who += f" ({call.member.position})"
            if call.note:
                who += f" · {call.note}"
            pdf.multi_cell(0, 5, safe(who), new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.para("Toute l’équipe à la convocation générale.")

    pdf.heading("Repas")
    pdf.para("\n".join(sheet.lines("meals")) or "À préciser.")
    if sheet.notes.strip():
        pdf.heading("À savoir")
        pdf.para(sheet.notes)

    care = care_panel(production)
    pdf.heading("Prendre soin : référent·es VHSS et écoute")
    if care["referents"]:
        for referent in care["referents"]:
            contact = referent.referent_phone or referent.contact.email
            pdf.para(f"Référent·e VHSS : {referent.display_name} · {contact}")
    else:
        pdf.para("Référent·e VHSS : pas encore désigné·e.")
    for service in care["services"]:
        details = " · ".join(x for x in (service.phone, service.email, service.hours) if x)
        pdf.para(f"{service.name} : {details}" if details else service.name)
    return bytes(pdf.output())
