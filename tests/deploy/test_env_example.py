"""deploy/raccord.env.example means the same to systemd (EnvironmentFile=) and to bash (`set -a;
. file`): both read it here and must find the same variables with the same values."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

EXAMPLE = Path(settings.BASE_DIR) / "deploy" / "raccord.env.example"
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
SHELL_SPECIAL = set(" \t\"'\\$`!;&|<>()*?[]#~{}")


def parse_like_systemd(text: str) -> dict[str, str]:
    """EnvironmentFile= as systemd.exec(5) reads it, strict where bash would disagree."""
    values = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        assert sep and NAME.fullmatch(key), f"line {number}: not KEY=value: {raw!r}"
        if value.startswith("'"):
            closing = value.find("'", 1)
            assert closing == len(value) - 1, f"line {number}: one single-quoted value: {raw!r}"
            value = value[1:-1]
        else:
            assert not SHELL_SPECIAL & set(value), f"line {number}: quote this value: {raw!r}"
        values[key] = value
    return values


def source_in_bash(path: Path) -> dict[str, str]:
    script = 'set -eu; env -i bash -c \'set -a; . "$1"; set +a; env -0\' _ "$1"'
    out = subprocess.run(
        ["bash", "-c", script, "_", str(path)], capture_output=True, text=True, check=True
    ).stdout
    pairs = (item.split("=", 1) for item in out.split("\0") if "=" in item)
    return {k: v for k, v in pairs if k not in {"PWD", "SHLVL", "_", "OLDPWD"}}


def test_bash_and_systemd_read_the_same_values():
    text = EXAMPLE.read_text(encoding="utf-8")
    systemd = parse_like_systemd(text)
    assert source_in_bash(EXAMPLE) == systemd
    assert systemd["DEFAULT_FROM_EMAIL"].endswith(">")


def test_names_what_production_requires():
    values = parse_like_systemd(EXAMPLE.read_text(encoding="utf-8"))
    for name in ("SECRET_KEY", "RACCORD_HASH_KEY", "SITE_URL", "DATABASE_URL", "ALLOWED_HOSTS"):
        assert name in values
    assert values["DJANGO_SETTINGS_MODULE"] == "raccord.settings.production"


def test_the_checker_catches_a_value_bash_would_split(tmp_path):
    bad = "DEFAULT_FROM_EMAIL=On Est Raccord! <contact@example.org>\n"
    try:
        parse_like_systemd(bad)
    except AssertionError as error:
        assert "quote this value" in str(error)
    else:
        raise AssertionError("an unquoted value with spaces went through")
    (tmp_path / "bad.env").write_text(bad)
    result = subprocess.run(
        ["bash", "-c", 'set -a; . "$1"', "_", str(tmp_path / "bad.env")], capture_output=True
    )
    assert result.returncode != 0
