"""What this app holds about a person, for export and erasure (see raccord.people.gdpr)."""


def export(contact) -> dict:
    """Everything this app stores about `contact`, as JSON-ready data."""
    return {}


def erase(contact) -> None:
    """Delete or anonymise this app's personal data about `contact`; keep counts right."""
