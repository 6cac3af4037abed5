"""Public pages under load, side by side with nginx serving the same bytes from disk.

Not a test: it prints figures for docs/performance.md. It builds a PostgreSQL database with the
demo content at scale, then runs wrk (32 connections) against, in the same run:
  - nginx serving a saved copy of each page from disk (the physical limit here),
  - the production set-up: nginx micro-cache in front of gunicorn,
  - gunicorn alone with the app's page cache (Redis),
  - gunicorn alone without it (every request rendered),
  - a bare Wagtail starter project's home page through gunicorn (SQLite), the usual baseline.

    .venv/bin/python bench/pages.py --scale 1 --duration 10
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    PYTHON,
    ROOT,
    ensure_debian_packages,
    free_port,
    gunicorn,
    manage,
    process,
    production_env,
    recreate_database,
    wait_for,
    wrk,
)

DATABASE = "raccord_bench_pages"

URLS_SCRIPT = """
import json
from wagtail.models import Page
def first(model_label):
    try:
        from django.apps import apps
        model = apps.get_model(model_label)
    except LookupError:
        return None
    page = model.objects.live().order_by("-pk").first()
    return page.url if page else None
print("URLS " + json.dumps({
    "home": "/",
    "agenda": "/soirees/",
    "event": first("events.EventPage"),
    "film": first("films.FilmPage"),
    "news": first("core.NewsPage"),
}))
"""


def nginx_conf(prefix: Path, port: int, upstream: int) -> str:
    return textwrap.dedent(f"""
        worker_processes auto;
        pid {prefix}/nginx.pid;
        error_log {prefix}/error.log warn;
        events {{ worker_connections 4096; }}
        http {{
            access_log off;
            client_body_temp_path {prefix}/body;
            proxy_temp_path {prefix}/proxy;
            fastcgi_temp_path {prefix}/fastcgi;
            uwsgi_temp_path {prefix}/uwsgi;
            scgi_temp_path {prefix}/scgi;
            proxy_cache_path {prefix}/cache levels=1:2 keys_zone=raccord:20m max_size=256m inactive=10m use_temp_path=off;
            upstream raccord_app {{ server 127.0.0.1:{upstream}; keepalive 64; }}
            map $http_cookie $raccord_has_session {{ default 0; "~*sessionid=" 1; }}
            server {{
                listen 127.0.0.1:{port};
                location /saved/ {{ alias {prefix}/saved/; default_type text/html; }}
                location / {{
                    proxy_pass http://raccord_app;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_cache raccord;
                    proxy_cache_key "$scheme$host$request_uri";
                    proxy_cache_valid 200 301 404 10s;
                    proxy_cache_lock on;
                    proxy_cache_use_stale updating error timeout;
                    proxy_cache_background_update on;
                    proxy_cache_bypass $raccord_has_session;
                    proxy_no_cache $raccord_has_session;
                }}
            }}
        }}
    """)


def bare_wagtail(tmp: Path) -> tuple[Path, dict]:
    project = tmp / "bare"
    project.mkdir()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "wagtail"), "start", "bare", str(project)],
        check=True,
        capture_output=True,
    )
    (project / "bare" / "settings" / "local.py").write_text(
        'SECRET_KEY = "bench-bare"\nALLOWED_HOSTS = ["*"]\n'
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "bare.settings.production"}
    for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=project, env=env, check=True, capture_output=True
        )
    return project, env


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=1, help="load_demo --scale N (0 = demo only)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--worker-class",
        default="gthread",
        help="gunicorn worker class for every server (production: gthread, 4 threads)",
    )
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--skip-setup", action="store_true", help="reuse the database of a previous run"
    )
    parser.add_argument(
        "--setup-only", action="store_true", help="build the database, then stop (no load)"
    )
    args = parser.parse_args()

    ensure_debian_packages(("wrk", "wrk"), ("nginx", "nginx"))
    env = production_env(DATABASE)
    if not args.skip_setup:
        print("Preparing the database (migrate, load_demo, collectstatic)…", flush=True)
        recreate_database(DATABASE)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", *(["--scale", str(args.scale)] if args.scale else []))
    manage(env, "collectstatic", "--noinput", "-v0")
    if args.setup_only:
        return
    out = manage(env, "shell", "-c", URLS_SCRIPT)
    urls = {k: v for k, v in json.loads(out.split("URLS ", 1)[1]).items() if v}
    subprocess.run(["redis-cli", "-n", "5", "flushdb"], check=False, capture_output=True)

    cached_port, uncached_port, bare_port, nginx_port = (free_port() for _ in range(4))
    results: list[tuple[str, str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tmp.chmod(0o755)  # nginx workers run as nobody when started by root
        print("Preparing a bare Wagtail starter project…", flush=True)
        bare_dir, bare_env = bare_wagtail(tmp)
        prefix = tmp / "nginx"
        (prefix / "saved").mkdir(parents=True)
        (prefix / "nginx.conf").write_text(nginx_conf(prefix, nginx_port, cached_port))
        uncached_env = {**env, "RACCORD_PAGE_CACHE": "false"}
        server = {
            "workers": args.workers,
            "worker_class": args.worker_class,
            "threads": args.threads,
        }
        with (
            gunicorn(env, cached_port, **server),
            gunicorn(uncached_env, uncached_port, **server),
            gunicorn(bare_env, bare_port, app="bare.wsgi:application", cwd=bare_dir, **server),
        ):
            for port in (cached_port, uncached_port, bare_port):
                wait_for(f"http://127.0.0.1:{port}/")
            for name, path in urls.items():
                body = urllib.request.urlopen(f"http://127.0.0.1:{cached_port}{path}").read()
                (prefix / "saved" / f"{name}.html").write_bytes(body)
                print(f"  {name}: {path} ({len(body) / 1024:.1f} KB)", flush=True)
            with process(
                ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]
            ):
                wait_for(f"http://127.0.0.1:{nginx_port}/saved/home.html")
                run = lambda url: wrk(url, connections=args.connections, duration=args.duration)  # noqa: E731
                bare = run(f"http://127.0.0.1:{bare_port}/")
                results.append(("bare Wagtail starter", "/", bare))
                for name, path in urls.items():
                    for label, url in (
                        ("nginx static copy", f"http://127.0.0.1:{nginx_port}/saved/{name}.html"),
                        ("nginx → gunicorn", f"http://127.0.0.1:{nginx_port}{path}"),
                        ("gunicorn, page cache", f"http://127.0.0.1:{cached_port}{path}"),
                        ("gunicorn, no cache", f"http://127.0.0.1:{uncached_port}{path}"),
                    ):
                        results.append((label, f"{name} {path}", run(url)))
                        r = results[-1][2]
                        print(
                            f"  {label:22} {name:7} {r['rps']:9.0f} req/s  p95 {r['p95']:7.1f} ms"
                            f"  errors {r['errors'] + r['non2xx']}",
                            flush=True,
                        )

    print()
    print("| server | page | req/s | p50 ms | p95 ms | errors |")
    print("|---|---|---:|---:|---:|---:|")
    for label, page, r in results:
        print(
            f"| {label} | {page} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['errors'] + r['non2xx']} |"
        )
    print()
    static = {page: r["rps"] for label, page, r in results if label == "nginx static copy"}
    for label, page, r in results:
        if label == "nginx → gunicorn":
            print(f"nginx set-up vs static, {page}: {r['rps'] / static[page]:.0%} (target ≥ 50%)")
        if label == "gunicorn, page cache":
            print(
                f"gunicorn cached, {page}: {r['rps']:.0f} req/s (target ≥ 2000), p95 {r['p95']:.1f} ms (target < 50)"
            )
    uncached_home = next(
        r for label, page, r in results if label == "gunicorn, no cache" and page.startswith("home")
    )
    print(f"uncached home vs bare starter: {uncached_home['rps'] / bare['rps']:.1f}× (target ≥ 2×)")


if __name__ == "__main__":
    main()
