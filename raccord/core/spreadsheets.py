"""CSV exports opened in a spreadsheet must not run what visitors typed."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Spreadsheets run cells starting with = + - @ (or a tab / CR) as formulas: quote them."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in FORMULA_STARTS else value
