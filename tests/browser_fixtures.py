"""Browser and SMTP fixtures; filled by the quality-gates work (issue 3)."""
