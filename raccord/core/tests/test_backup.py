"""Backup then restore into a fresh installation finds every row and media file again.

Runs against the database family the suite runs on (SQLite or PostgreSQL), in subprocesses,
the way a volunteer would use the commands.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

COUNT_SCRIPT = """
import json
from django.apps import apps
print(json.dumps({m._meta.label: m.objects.count() for m in apps.get_models()
                  if not m._meta.label.startswith(("sessions.", "axes.", "django_tasks_db."))}))
"""


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _database_urls(tmp_path: Path):
    current = os.environ.get("DATABASE_URL", "")
    if current.startswith("postgres"):
        base = urlsplit(current)
        names = [f"raccord_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
        for name in names:
            subprocess.run(
                [
                    "createdb",
                    "-h",
                    base.hostname,
                    "-p",
                    str(base.port or 5432),
                    "-U",
                    base.username or "postgres",
                    name,
                ],
                check=True,
            )
        urls = [base._replace(path=f"/{name}").geturl() for name in names]

        def drop():
            for name in names:
                subprocess.run(
                    [
                        "dropdb",
                        "--if-exists",
                        "-h",
                        base.hostname,
                        "-p",
                        str(base.port or 5432),
                        "-U",
                        base.username or "postgres",
                        name,
                    ]
                )

        return urls, drop
    return [
        f"sqlite:///{tmp_path / 'source.sqlite3'}",
        f"sqlite:///{tmp_path / 'restored.sqlite3'}",
    ], lambda: None


def test_backup_restores_every_row_and_media_file(tmp_path):
    (source_url, target_url), drop = _database_urls(tmp_path)
    base_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "raccord.settings.test"}
    source_env = {**base_env, "DATABASE_URL": source_url, "MEDIA_ROOT": str(tmp_path / "media-a")}
    target_env = {**base_env, "DATABASE_URL": target_url, "MEDIA_ROOT": str(tmp_path / "media-b")}
    try:
        manage(source_env, "migrate", "--noinput", "-v0")
        manage(source_env, "load_demo")
        (tmp_path / "media-a" / "documents").mkdir(parents=True, exist_ok=True)
        (tmp_path / "media-a" / "documents" / "compte-rendu.txt").write_text("Résidence 2024")
        before = json.loads(
            manage(source_env, "shell", "-c", COUNT_SCRIPT).strip().splitlines()[-1]
        )
        archive = (
            manage(source_env, "backup", "--output", str(tmp_path / "backups"))
            .strip()
            .splitlines()[-1]
        )

        manage(target_env, "restore", archive)
        after = json.loads(manage(target_env, "shell", "-c", COUNT_SCRIPT).strip().splitlines()[-1])
    finally:
        drop()

    assert before["wagtailcore.Page"] > 1
    assert after == before
    restored = tmp_path / "media-b" / "documents" / "compte-rendu.txt"
    assert restored.read_text() == "Résidence 2024"
    source_files = {
        p.relative_to(tmp_path / "media-a")
        for p in (tmp_path / "media-a").rglob("*")
        if p.is_file()
    }
    target_files = {
        p.relative_to(tmp_path / "media-b")
        for p in (tmp_path / "media-b").rglob("*")
        if p.is_file()
    }
    assert source_files <= target_files


@pytest.mark.django_db
def test_healthz_reports_database_cache_and_worker(client, settings):
    body = client.get("/healthz").json()
    assert set(body["checks"]) == {"database", "cache", "worker"}
    assert body["status"] == "ok"


@pytest.mark.django_db
def test_healthz_turns_red_when_the_worker_is_silent(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from raccord.core.health import WorkerHeartbeat

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/healthz").status_code == 503  # no worker ever reported
    WorkerHeartbeat.objects.create(worker_id="w1", last_seen=timezone.now())
    assert client.get("/healthz").status_code == 200
    WorkerHeartbeat.objects.filter(worker_id="w1").update(
        last_seen=timezone.now() - timedelta(minutes=5)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"].startswith("error")
