"""A real `db_worker` keeps /healthz green; once it is killed, /healthz turns red in time."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

HEALTH = """
import json
from django.test import Client
response = Client().get("/healthz")
print("HEALTH", response.status_code, json.dumps(response.json()["checks"]))
"""


def _env(tmp_path: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "raccord.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "RACCORD_TEST_TASKS": "db",
        "RACCORD_WORKER_HEARTBEAT": "1",
        "RACCORD_WORKER_MAX_SILENCE": "3",
    }


def _health(env: dict) -> tuple[int, dict]:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", HEALTH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    code, checks = out.split("HEALTH ", 1)[1].split(" ", 1)
    return int(code), json.loads(checks)


def test_killing_the_worker_turns_healthz_red(tmp_path):
    env = _env(tmp_path)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    assert _health(env)[0] == 503  # no worker has ever reported

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            code, checks = _health(env)
            if code == 200:
                break
            time.sleep(0.5)
        assert code == 200, checks
        assert checks["worker"] == "ok"
    finally:
        worker.send_signal(signal.SIGKILL)  # no chance to say goodbye
        worker.wait(timeout=30)

    time.sleep(4)  # longer than RACCORD_WORKER_MAX_SILENCE
    code, checks = _health(env)
    assert code == 503
    assert checks["worker"].startswith("error: silent for")
