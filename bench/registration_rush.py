#!/usr/bin/env python
"""Registration rush: N visitors register at once for a soirée of capacity C (not a test).

Starts gunicorn on PostgreSQL itself (a fresh database, production settings), fires N
concurrent registration POSTs through the public form endpoint, then prints registrations
per minute, p50/p95 latency and the confirmed count, which must equal C.

    .venv/bin/python bench/registration_rush.py --requests 600 --capacity 40 --concurrency 16

Each POST carries its own X-Forwarded-For address, as nginx would pass many visitors along
(production trusts one proxy), so the per-address rate limit does not turn the rush into 429s.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DB_NAME = "raccord_bench_events"
PG = "postgres://postgres@127.0.0.1:5432"

SETUP = """
from datetime import timedelta
from django.utils import timezone
from raccord.core import demo
from raccord.core.demo_support import DemoContext
from raccord.events.models import EventIndexPage, EventPage

ctx = DemoContext()
demo.load(ctx)
index = EventIndexPage(title="Soirées", slug="soirees", show_in_menus=True)
ctx.home.add_child(instance=index)
index.save_revision().publish()
start = timezone.now() + timedelta(days=30)
event = EventPage(title="Soirée de la ruée", slug="ruee", start=start,
                  end=start + timedelta(hours=5), capacity={capacity},
                  max_seats_per_registration=1)
index.add_child(instance=event)
event.save_revision().publish()
print("EVENT", event.pk)
"""

COUNT = """
from raccord.events.models import Registration
qs = Registration.objects.all()
print("COUNTS", qs.filter(status="confirmed").count(), qs.filter(status="waitlisted").count(),
      qs.count())
"""


def env_for(port: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="raccord.settings.production",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DATABASE_URL=f"{PG}/{DB_NAME}",
        CONN_MAX_AGE="60",
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
        REDIS_URL="",
        EMAIL_HOST="",
    )
    return env


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def django(code: str, env: dict) -> str:
    script = "import django; django.setup()\n" + code
    result = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"setup failed:\n{result.stderr[-3000:]}")
    return result.stdout


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/robots.txt")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not start")


def rush(port: int, event_pk: int, total: int, concurrency: int) -> tuple[list[float], dict]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(total))
    path = f"/soirees/{event_pk}/inscription/"
    start_gate = threading.Barrier(concurrency)

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start_gate.wait()
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            body = urllib.parse.urlencode(
                {"name": f"Personne {n}", "email": f"personne{n}@exemple.org", "seats": "1"}
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
                "Origin": f"http://127.0.0.1:{port}",
                "Host": f"127.0.0.1:{port}",
            }
            began = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600, help="N registrations")
    parser.add_argument("--capacity", type=int, default=40, help="C seats")
    parser.add_argument("--concurrency", type=int, default=16, help="simultaneous visitors")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8103)
    args = parser.parse_args()

    env = env_for(args.port)
    t0 = time.monotonic()
    recreate_database()
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    event_pk = int(django(SETUP.format(capacity=args.capacity), env).split("EVENT")[1].split()[0])
    print(
        f"database ready in {time.monotonic() - t0:.0f} s (event {event_pk}, capacity {args.capacity})"
    )

    server = subprocess.Popen(
        [
            GUNICORN,
            "raccord.wsgi",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(args.port)
        began = time.perf_counter()
        latencies, statuses = rush(args.port, event_pk, args.requests, args.concurrency)
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)

    confirmed, waitlisted, total = map(int, django(COUNT, env).split("COUNTS")[1].split()[:3])
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[max(int(len(latencies) * 0.95) - 1, 0)] * 1000
    print(
        f"requests: {args.requests}, concurrency: {args.concurrency}, gunicorn workers: {args.workers}"
    )
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    print(f"wall time: {wall:.1f} s")
    print(f"registrations per minute: {total / wall * 60:.0f}")
    print(f"latency p50: {p50:.0f} ms, p95: {p95:.0f} ms")
    print(
        f"confirmed: {confirmed} (capacity {args.capacity}), waitlisted: {waitlisted}, stored: {total}"
    )
    if confirmed != args.capacity:
        sys.exit("OVERBOOKED OR UNDERFILLED: confirmed count differs from capacity")


if __name__ == "__main__":
    main()
