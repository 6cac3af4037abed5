"""Helpers shared by the bench scripts: a throwaway PostgreSQL database, servers, wrk."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG = "postgres://postgres@127.0.0.1:5432"


def ensure_debian_packages(*commands_and_packages: tuple[str, str]) -> None:
    missing = [pkg for cmd, pkg in commands_and_packages if not shutil.which(cmd)]
    if missing:
        print(f"Installing {', '.join(missing)} with apt-get…", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )


def production_env(database: str, **extra: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "raccord.settings.production",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "RACCORD_HASH_KEY": "bench-only-hash-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "SITE_URL": "http://127.0.0.1",
        "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def recreate_database(name: str) -> None:
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    sys.exit(f"{url} did not answer within {timeout}s")


@contextmanager
def process(args: list[str], env: dict | None = None, cwd: Path = ROOT):
    proc = subprocess.Popen(
        args,
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def gunicorn(
    env: dict,
    port: int,
    workers: int = 4,
    app: str = "raccord.wsgi:application",
    cwd: Path = ROOT,
    worker_class: str = "sync",
    threads: int = 1,
):
    """gunicorn in its own process group; deploy/systemd/raccord-web.service uses gthread × 2.

    Without a control socket (gunicorn 24+ puts one in ~/.gunicorn/, shared by every instance);
    errors go to var/bench-logs/gunicorn-<port>.log.
    """
    logs = ROOT / "var" / "bench-logs"
    logs.mkdir(parents=True, exist_ok=True)
    return process(
        [
            GUNICORN,
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            str(logs / f"gunicorn-{port}.log"),
            "--no-control-socket",
        ],
        env=env,
        cwd=cwd,
    )


WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"rps\\": %f, \\"p50\\": %f, \\"p95\\": %f, \\"p99\\": %f, \\"errors\\": %d, \\"non2xx\\": %d}\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def wrk(url: str, *, connections: int = 32, duration: int = 10, threads: int = 2) -> dict:
    script = ROOT / "var" / "wrk-report.lua"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(WRK_LUA)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"^JSON (.*)$", out, re.M)
    return json.loads(match.group(1))
