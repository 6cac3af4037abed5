"""One archive with the database and the media files; restored into an empty installation.

PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore`; SQLite is
copied with its online backup API, so both work while the site keeps running. Media come from
the default storage, on disk or S3-compatible (django-storages): an archive holds the files the
site serves wherever they live. Archives are readable by their owner only (mode 600).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection, connections

from .archive import extract, open_private

FORMAT_VERSION = 1


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def _vendor() -> str:
    return connection.vendor


def dump_database(target: Path) -> str:
    db = settings.DATABASES["default"]
    if _vendor() == "postgresql":
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-acl",
                *_pg_args(db),
                "-f",
                str(target),
                db["NAME"],
            ],
            check=True,
            env=_pg_env(db),
        )
        return "postgresql"
    if _vendor() == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(str(target))
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return "sqlite"
    raise RuntimeError(f"Unsupported database: {_vendor()}")


def _media_on_disk() -> bool:
    return isinstance(default_storage, FileSystemStorage)


def _storage_files(storage, folder: str = "") -> list[str]:
    """Every file name in a storage, walking its folders (S3 lists them as prefixes)."""
    folders, files = storage.listdir(folder)
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += _storage_files(storage, f"{folder}/{sub}" if folder else sub)
    return names


def _add_storage_media(tar: tarfile.TarFile) -> int:
    names = _storage_files(default_storage)
    for name in names:
        info = tarfile.TarInfo(f"media/{name}")
        info.size = default_storage.size(name)
        info.mode = 0o644
        with default_storage.open(name, "rb") as handle:
            tar.addfile(info, handle)
    return len(names)


def backup(output_dir: Path) -> Path:
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"raccord-{stamp}.tar.gz"
    partial = output_dir / f".raccord-{stamp}.tar.gz.partial"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dump = tmp_path / "database.dump"
        vendor = dump_database(dump)
        try:
            with open_private(partial) as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(dump, arcname="database.dump")
                if not _media_on_disk():
                    media_files = _add_storage_media(tar)
                elif media_root.exists():
                    media_files = sum(1 for p in media_root.rglob("*") if p.is_file())
                    tar.add(media_root, arcname="media")
                else:
                    media_files = 0
                private_root = Path(settings.RACCORD_PRIVATE_MEDIA_ROOT)
                if private_root.exists():
                    tar.add(private_root, arcname="private")
                manifest = {
                    "format": FORMAT_VERSION,
                    "created_at": stamp,
                    "database": vendor,
                    "media_storage": "disk" if _media_on_disk() else "remote",
                    "media_files": media_files,
                }
                (tmp_path / "manifest.json").write_text(json.dumps(manifest, indent=2))
                tar.add(tmp_path / "manifest.json", arcname="manifest.json")
            partial.rename(archive)  # a half-written archive never carries a final name
        finally:
            partial.unlink(missing_ok=True)
    return archive


def _archive_day(path: Path) -> date | None:
    try:
        return datetime.strptime(
            path.name[len("raccord-") : len("raccord-YYYYMMDD")], "%Y%m%d"
        ).date()
    except ValueError:
        return None


def archives_to_keep(
    archives: list[Path], *, daily: int = 7, weekly: int = 4, monthly: int = 6
) -> set[Path]:
    """The newest archive of each of the last `daily` days, `weekly` ISO weeks and `monthly`
    months that have one (the scheme restic's `forget --keep-*` follows)."""
    dated = sorted(
        ((day, path) for path in archives if (day := _archive_day(path))),
        key=lambda item: item[1].name,
        reverse=True,
    )
    keep: set[Path] = set()
    for count, period in (
        (daily, lambda d: d),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        seen: list = []
        for day, path in dated:
            key = period(day)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(path)
    return keep


def prune(output_dir: Path, *, daily: int = 7, weekly: int = 4, monthly: int = 6) -> list[Path]:
    """Delete the archives the retention no longer keeps; returns what was deleted."""
    archives = sorted(output_dir.glob("raccord-*.tar.gz"))
    keep = archives_to_keep(archives, daily=daily, weekly=weekly, monthly=monthly)
    removed = [path for path in archives if path not in keep]
    for path in removed:
        path.unlink()
    return removed


def database_holds_data() -> bool:
    """True when the database has accounts or pages beyond what migrations create.

    Migrations create Wagtail's root and a first home page; a restore into that is safe. A site
    someone used (an account, more pages) would be overwritten: the command asks for --force.
    """
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table, threshold in (("auth_user", 0), ("wagtailcore_page", 2)):
            if table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                if cursor.fetchone()[0] > threshold:
                    return True
    return False


def _count_rows() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for label, table in (
            ("pages", "wagtailcore_page"),
            ("accounts", "auth_user"),
            ("images", "wagtailimages_image"),
            ("documents", "wagtaildocs_document"),
        ):
            if table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[label] = cursor.fetchone()[0]
    return counts


def _restore_media(source: Path) -> int:
    files = [p for p in source.rglob("*") if p.is_file()]
    if _media_on_disk():
        destination = Path(settings.MEDIA_ROOT)
        destination.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, destination, dirs_exist_ok=True)
        return len(files)
    for path in files:
        name = path.relative_to(source).as_posix()
        if default_storage.exists(name):
            default_storage.delete(name)  # S3 storages rename rather than overwrite
        with path.open("rb") as handle:
            default_storage.save(name, File(handle))
    return len(files)


def restore(archive: Path) -> dict:
    """Put an archive back; returns its manifest with what was restored (`restored`)."""
    db = settings.DATABASES["default"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        extract(archive, tmp_path)
        manifest = json.loads((tmp_path / "manifest.json").read_text())
        if manifest["database"] != _vendor():
            raise RuntimeError(
                f"Archive holds a {manifest['database']} database; this site uses {_vendor()}."
            )
        dump = tmp_path / "database.dump"
        if _vendor() == "postgresql":
            connections.close_all()
            subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-acl",
                    "--single-transaction",
                    *_pg_args(db),
                    "-d",
                    db["NAME"],
                    str(dump),
                ],
                check=True,
                env=_pg_env(db),
            )
        else:
            connection.ensure_connection()
            source = sqlite3.connect(str(dump))
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            connections.close_all()
        media = _restore_media(tmp_path / "media") if (tmp_path / "media").exists() else 0
        private = tmp_path / "private"
        if private.exists():
            destination = Path(settings.RACCORD_PRIVATE_MEDIA_ROOT)
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copytree(private, destination, dirs_exist_ok=True)
    manifest["restored"] = {**_count_rows(), "media_files": media}
    return manifest


def offsite_copy(archive: Path, *, daily: int, weekly: int, monthly: int) -> bool:
    """Send the archive to the restic repository named by RESTIC_REPOSITORY, if any.

    restic encrypts with the repository's password (RESTIC_PASSWORD_FILE or RESTIC_PASSWORD)
    and applies the same retention there. Returns False when no repository is configured.
    """
    if not os.environ.get("RESTIC_REPOSITORY"):
        return False
    subprocess.run(
        ["restic", "backup", "--quiet", "--tag", "raccord", "--host", "raccord", str(archive)],
        check=True,
    )
    subprocess.run(
        [
            "restic",
            "forget",
            "--quiet",
            "--tag",
            "raccord",
            "--keep-daily",
            str(daily),
            "--keep-weekly",
            str(weekly),
            "--keep-monthly",
            str(monthly),
            "--prune",
        ],
        check=True,
    )
    return True
