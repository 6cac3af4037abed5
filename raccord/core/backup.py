"""One archive with the database and the media files; restored into an empty installation.

PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore`; SQLite is
copied with its online backup API, so both work while the site keeps running.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

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


def backup(output_dir: Path) -> Path:
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"raccord-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dump = tmp_path / "database.dump"
        vendor = dump_database(dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": stamp,
            "database": vendor,
            "media_files": sum(1 for p in media_root.rglob("*") if p.is_file())
            if media_root.exists()
            else 0,
        }
        (tmp_path / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(tmp_path / "manifest.json", arcname="manifest.json")
            tar.add(dump, arcname="database.dump")
            if media_root.exists():
                tar.add(media_root, arcname="media")
            private_root = Path(settings.RACCORD_PRIVATE_MEDIA_ROOT)
            if private_root.exists():
                tar.add(private_root, arcname="private")
    return archive


def _safe_members(tar: tarfile.TarFile):
    for member in tar.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or member.issym() or member.islnk():
            raise RuntimeError(f"Refusing unsafe archive member: {member.name}")
        yield member


def restore(archive: Path) -> dict:
    db = settings.DATABASES["default"]
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp_path, members=_safe_members(tar), filter="data")
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
        for folder, destination in (
            ("media", media_root),
            ("private", Path(settings.RACCORD_PRIVATE_MEDIA_ROOT)),
        ):
            if (tmp_path / folder).exists():
                destination.mkdir(parents=True, exist_ok=True)
                shutil.copytree(tmp_path / folder, destination, dirs_exist_ok=True)
    return manifest
