#!/usr/bin/env python
"""Scale-out, shown on one machine (issue 10; not a test, run it by hand or from CI).

Two gunicorn instances on different ports share one PostgreSQL database, one Redis and one media
folder, with a task worker beside each and nginx in front (when nginx is installed). A
registration made through instance A is seen by instance B at once, and the confirmation mail
reaches a real SMTP sink exactly once although two workers compete for the task.

    .venv/bin/python deploy/scale_out_demo.py

Exits non-zero when any check fails.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _common import (
    PYTHON,
    free_port,
    gunicorn,
    manage,
    process,
    production_env,
    recreate_database,
    wait_for,
)

DATABASE = "raccord_scale_out"

SINK = """
import json, sys, time
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Handler:
    async def handle_DATA(self, server, session, envelope):
        out.write(json.dumps({"to": envelope.rcpt_tos, "size": len(envelope.content)}) + "\\n")
        return "250 OK"
controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
while True:
    time.sleep(3600)
"""

FIND_EVENT = """
from raccord.events.models import EventPage
event = next(e for e in EventPage.objects.live().order_by("start") if e.registration_is_open())
print("EVENT", event.pk, event.url)
"""

MAILS = """
from raccord.core.outbox import OutgoingMail
print("MAILS", OutgoingMail.objects.filter(to_email="{email}").count(),
      OutgoingMail.objects.filter(to_email="{email}", status="sent").count())
"""


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def remaining(base: str, event_id: int):
    data = get_json(f"{base}/api/v1/soirees/")
    items = (
        data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    )
    return next(item["remaining_seats"] for item in items if item["id"] == event_id)


def main() -> int:
    email = f"scale-out-{int(time.time())}@example.org"
    smtp_port, port_a, port_b, port_nginx = (free_port() for _ in range(4))
    failures = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = production_env(
            DATABASE,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_USE_TLS="false",
            MEDIA_ROOT=str(tmp / "shared-media"),
            RACCORD_TRUSTED_PROXY_COUNT="0",
            RACCORD_WORKER_MAX_SILENCE="20",
        )
        print("Preparing one shared PostgreSQL database…", flush=True)
        recreate_database(DATABASE)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        event_id, event_url = manage(env, "shell", "-c", FIND_EVENT).split("EVENT ", 1)[1].split()
        event_id = int(event_id)
        sink_log = tmp / "smtp.jsonl"
        sink_log.touch()
        worker = [PYTHON, "manage.py", "db_worker", "--interval", "0.2"]
        with (
            process([PYTHON, "-c", SINK, str(smtp_port), str(sink_log)]),
            gunicorn(env, port_a, workers=2),
            gunicorn(env, port_b, workers=2),
            process(worker, env=env) as worker_1,
            process(worker, env=env) as worker_2,
        ):
            a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
            wait_for(f"{a}/healthz")
            wait_for(f"{b}/healthz")
            nginx_ctx = None
            if shutil.which("nginx"):
                prefix = tmp / "nginx"
                prefix.mkdir()
                (prefix / "nginx.conf").write_text(
                    textwrap.dedent(f"""
                    worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/error.log;
                    events {{}}
                    http {{
                      access_log off; client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p;
                      fastcgi_temp_path {prefix}/f; uwsgi_temp_path {prefix}/u; scgi_temp_path {prefix}/s;
                      upstream raccord_app {{ server 127.0.0.1:{port_a}; server 127.0.0.1:{port_b}; }}
                      server {{ listen 127.0.0.1:{port_nginx};
                        location / {{ proxy_pass http://raccord_app; proxy_set_header Host $host; }} }}
                    }}""")
                )
                nginx_ctx = process(
                    [
                        "nginx",
                        "-p",
                        str(prefix),
                        "-c",
                        str(prefix / "nginx.conf"),
                        "-g",
                        "daemon off;",
                    ]
                )
                nginx_ctx.__enter__()
                wait_for(f"http://127.0.0.1:{port_nginx}/healthz")
            try:
                before_b = remaining(b, event_id)
                body = urllib.parse.urlencode(
                    {"name": "Camille Essai", "email": email, "seats": "1"}
                ).encode()
                request = urllib.request.Request(
                    f"{a}/soirees/{event_id}/inscription/",
                    data=body,
                    method="POST",
                    headers={"Origin": a, "Content-Type": "application/x-www-form-urlencoded"},
                )
                with urllib.request.urlopen(request, timeout=20) as response:
                    print(f"Registered through instance A: HTTP {response.status} {response.url}")
                after_b = remaining(b, event_id)
                print(f"Remaining seats seen by instance B: {before_b} → {after_b}")
                if before_b is not None and after_b != before_b - 1:
                    failures.append("instance B does not see the registration made through A")
                health = [get_json(f"{base}/healthz")["status"] for base in (a, b)]
                print(f"/healthz on A and B: {health}")
                if nginx_ctx:
                    via = get_json(f"http://127.0.0.1:{port_nginx}/healthz")["status"]
                    print(f"/healthz through nginx (both upstreams): {via}")
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    received = [json.loads(line) for line in sink_log.read_text().splitlines()]
                    if any(email in m["to"] for m in received):
                        break
                    time.sleep(0.5)
                time.sleep(5)  # give a duplicate every chance to arrive
                received = [json.loads(line) for line in sink_log.read_text().splitlines()]
                copies = sum(email in m["to"] for m in received)
                stored, sent = map(
                    int,
                    manage(env, "shell", "-c", MAILS.format(email=email))
                    .split("MAILS ", 1)[1]
                    .split(),
                )
                print(
                    f"Mails to {email}: {stored} stored, {sent} sent, {copies} received by the sink"
                )
                if copies != stored or copies == 0:
                    failures.append(
                        f"expected each of the {stored} mails once, the sink got {copies}"
                    )
                print("Stopping both workers (SIGKILL)…", flush=True)
                for proc in (worker_1, worker_2):
                    os.killpg(proc.pid, signal.SIGKILL)
                stopped = time.monotonic()
                silence = int(env.get("RACCORD_WORKER_MAX_SILENCE", "60"))
                status = 200
                while time.monotonic() - stopped < silence + 30:
                    try:
                        urllib.request.urlopen(f"{a}/healthz", timeout=10)
                    except urllib.error.HTTPError as error:
                        status = error.code
                        break
                    time.sleep(1)
                waited = time.monotonic() - stopped
                print(
                    f"/healthz after the workers stopped: {status} after {waited:.0f} s "
                    f"(RACCORD_WORKER_MAX_SILENCE={silence} s)"
                )
                if status != 503:
                    failures.append("/healthz stayed green with no worker")
            finally:
                if nginx_ctx:
                    nginx_ctx.__exit__(None, None, None)
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", DATABASE])
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("OK: one database, two app servers, two workers; consistent reads and no mail twice.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
