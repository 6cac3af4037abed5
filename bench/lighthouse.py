"""Lighthouse scores of the home, an event page and a film page, mobile and desktop.

Not a test: it prints figures for docs/performance.md. It installs the npm package `lighthouse`
12.x into var/bench-node/ if missing, builds the PostgreSQL database `raccord_bench_lighthouse`
with the demo content, and serves it as in production: gunicorn (production settings, page
cache on) behind nginx with the deploy/nginx/raccord.conf essentials (static and media files
from disk with long cache lifetimes, gzip, the micro-cache), plain HTTP on loopback. Then it
runs Lighthouse on Debian's Chromium for each page with the mobile (default) and desktop
presets and prints the four category scores and every audit that does not pass.

    .venv/bin/python bench/lighthouse.py            # about 4 minutes on an idle machine
    .venv/bin/python bench/lighthouse.py --skip-setup
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    ROOT,
    ensure_debian_packages,
    free_port,
    gunicorn,
    manage,
    process,
    production_env,
    recreate_database,
    wait_for,
)

DATABASE = "raccord_bench_lighthouse"
NODE_DIR = ROOT / "var" / "bench-node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

URLS_SCRIPT = """
import json
from django.utils import timezone
from raccord.events.models import EventPage
from raccord.films.models import FilmPage
event = (EventPage.objects.live().filter(start__gt=timezone.now()).order_by("start").first()
         or EventPage.objects.live().first())
film = FilmPage.objects.live().order_by("path").first()
print("URLS " + json.dumps({"home": "/", "event": event.url, "film": film.url}))
"""


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print("Installing lighthouse 12.x into var/bench-node/…", flush=True)
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    package = NODE_DIR / "package.json"
    if not package.exists():
        package.write_text('{"private": true}\n')
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "lighthouse@12"], cwd=NODE_DIR, check=True
    )


def nginx_conf(prefix: Path, port: int, upstream: int, media: str) -> str:
    static = ROOT / "var" / "static"
    return textwrap.dedent(f"""
        worker_processes 1;
        pid {prefix}/nginx.pid;
        error_log {prefix}/error.log warn;
        events {{ worker_connections 1024; }}
        http {{
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path {prefix}/body;
            proxy_temp_path {prefix}/proxy;
            fastcgi_temp_path {prefix}/fastcgi;
            uwsgi_temp_path {prefix}/uwsgi;
            scgi_temp_path {prefix}/scgi;
            proxy_cache_path {prefix}/cache levels=1:2 keys_zone=raccord:10m max_size=64m;
            upstream raccord_app {{ server 127.0.0.1:{upstream}; keepalive 16; }}
            server {{
                listen 127.0.0.1:{port};
                gzip on;
                gzip_types text/css application/javascript application/json image/svg+xml
                           text/calendar application/atom+xml;
                location /static/ {{
                    alias {static}/;
                    gzip_static on;
                    add_header Cache-Control "public, max-age=31536000, immutable";
                }}
                location /media/ {{
                    alias {media}/;
                    expires 7d;
                }}
                location / {{
                    proxy_pass http://raccord_app;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_cache raccord;
                    proxy_cache_valid 200 301 404 10s;
                    proxy_cache_lock on;
                }}
            }}
        }}
    """)


def run_lighthouse(url: str, preset: str, out: Path) -> dict:
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=60000",
    ]
    if preset == "desktop":
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(args, check=True, env=env, capture_output=True, timeout=300)
    return json.loads(out.read_text())


def failing_audits(report: dict) -> list[str]:
    lines = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if ref.get("weight", 0) == 0 and category != "performance":
                continue
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            if score is not None and score < 0.9:
                value = audit.get("displayValue") or ""
                lines.append(f"{category}: {ref['id']} ({score:.2f}) {audit['title']} {value}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="reuse the database of a previous run"
    )
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    ensure_debian_packages(("nginx", "nginx"), ("chromium", "chromium"))
    ensure_lighthouse()
    env = production_env(DATABASE, RACCORD_PAGE_CACHE="true")
    if not args.skip_setup:
        print("Preparing the database (migrate, load_demo)…", flush=True)
        recreate_database(DATABASE)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    out = manage(env, "shell", "-c", URLS_SCRIPT)
    urls = json.loads(out.split("URLS ", 1)[1])
    subprocess.run(["redis-cli", "-n", "5", "flushdb"], check=False, capture_output=True)

    app_port, nginx_port = free_port(), free_port()
    scores: list[tuple[str, str, dict]] = []
    failures: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tmp.chmod(0o755)  # nginx workers run as nobody when started by root
        prefix = tmp / "nginx"
        prefix.mkdir()
        (prefix / "nginx.conf").write_text(
            nginx_conf(prefix, nginx_port, app_port, env["MEDIA_ROOT"])
        )
        with gunicorn(env, app_port, args.workers):
            wait_for(f"http://127.0.0.1:{app_port}/")
            with process(
                ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]
            ):
                base = f"http://127.0.0.1:{nginx_port}"
                for path in urls.values():  # render once: image renditions are made on demand
                    wait_for(base + path)
                for name, path in urls.items():
                    for preset in ("mobile", "desktop"):
                        report = run_lighthouse(base + path, preset, tmp / f"{name}-{preset}.json")
                        got = {
                            c: round(100 * (report["categories"][c]["score"] or 0))
                            for c in CATEGORIES
                        }
                        scores.append((f"{name} {path}", preset, got))
                        failures[f"{name} ({preset})"] = failing_audits(report)
                        print(
                            f"  {name:5} {preset:7} "
                            + "  ".join(f"{c} {got[c]}" for c in CATEGORIES),
                            flush=True,
                        )

    print()
    print("| page | preset | performance | accessibility | best practices | SEO |")
    print("|---|---|---:|---:|---:|---:|")
    for page, preset, got in scores:
        print(f"| {page} | {preset} | " + " | ".join(str(got[c]) for c in CATEGORIES) + " |")
    print()
    for key, lines in failures.items():
        if lines:
            print(f"Audits not passed, {key}:")
            for line in lines:
                print(f"  - {line}")
    below = [(p, pr, c) for p, pr, got in scores for c in CATEGORIES if got[c] < 95]
    print(f"\nScores below 95: {len(below)} of {len(scores) * len(CATEGORIES)} (target: none)")


if __name__ == "__main__":
    main()
