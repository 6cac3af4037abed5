"""Archive helpers with no Django import, so a test can run them under Debian's system Python.

Debian 12 ships Python 3.11.2, whose tarfile has no extraction filters (added in 3.11.4):
`filter="data"` is passed only where it exists. `safe_members` is the check that holds on every
version: no absolute path, no `..`, no links.
"""

from __future__ import annotations

import os
import tarfile
from collections.abc import Iterator
from pathlib import Path


def safe_members(tar: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    for member in tar.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or member.issym() or member.islnk():
            raise RuntimeError(f"Refusing unsafe archive member: {member.name}")
        if not (member.isfile() or member.isdir()):
            raise RuntimeError(f"Refusing special archive member: {member.name}")
        yield member


def extract(archive: Path, destination: Path) -> None:
    """Unpack a backup archive, member by checked member."""
    options = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(destination, members=safe_members(tar), **options)


def open_private(path: Path):
    """A new file only its owner can read (mode 600), whatever the umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "wb")
