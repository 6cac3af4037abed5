#!/usr/bin/env bash
# Rehearse a production install on this machine (Debian 12, root, PostgreSQL and Redis running),
# where systemd need not be PID 1: deploy/install.sh in rehearsal mode (temporary folders, a
# database, a user and ports of its own), the commands the units would run started by hand,
# the site served through nginx over TLS (Debian's self-signed snakeoil certificate), then
# /healthz and every sitemap page checked, a backup taken, the database dropped, the archive
# restored, and the pages compared. Everything it made is removed on exit.
#   bash deploy/rehearse.sh            (run by .ci/run)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS

[ "$(id -u)" -eq 0 ] || { echo "rehearse.sh: à lancer en root" >&2; exit 1; }

WORK=$(mktemp -d /tmp/raccord-rehearsal.XXXXXX)
chmod 755 "$WORK"
RUN_USER=raccord-rehearsal
DB_NAME=raccord_rehearsal_$$
REDIS_DB=13
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
HTTP_PORT=$(free_port)
HTTPS_PORT=$(free_port)
BASE=https://127.0.0.1:$HTTPS_PORT
PIDS=()
created_user=0
created_policy=0

step() { printf '\n=== rehearsal [%ss] %s ===\n' "$((SECONDS - started))" "$*"; }
fail() {
  echo "rehearsal: ÉCHEC : $*" >&2
  for log in "$WORK"/logs/*.log "$WORK/nginx/error.log"; do
    [ -f "$log" ] && { echo "--- $log (fin)" >&2; tail -n 30 "$log" >&2; }
  done
  exit 1
}

stop_app() {
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  PIDS=()
}

cleanup() {
  local rc=$?
  set +e
  stop_app
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null
  sleep 0.5
  runuser -u postgres -- dropdb --if-exists "$DB_NAME" 2>/dev/null
  runuser -u postgres -- psql -qtAX -c "DROP ROLE IF EXISTS \"$DB_NAME\"" 2>/dev/null
  redis-cli -n "$REDIS_DB" flushdb >/dev/null 2>&1
  [ "$created_user" = 1 ] && userdel "$RUN_USER" 2>/dev/null
  [ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  rm -rf "$WORK"
  if [ "$rc" -eq 0 ]; then echo "rehearsal: OK en $((SECONDS - started)) s"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

id -u "$RUN_USER" >/dev/null 2>&1 || created_user=1
# Packages installed here must not start their own services (no init system to manage them).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
  created_policy=1
fi

step "Copie du code dans $WORK/app"
mkdir -p "$WORK/app" "$WORK/logs" "$WORK/nginx/tmp"
(cd "$SRC" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$WORK/app"

# nginx gets a main configuration of its own: it includes what install.sh writes under
# $WORK/nginx exactly as /etc/nginx/nginx.conf includes conf.d/ and sites-enabled/.
cat >"$WORK/nginx/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    include $WORK/nginx/conf.d/*.conf;
    include $WORK/nginx/sites-enabled/*;
}
EOF
chown -R www-data "$WORK/nginx/tmp"

step "install.sh (mode répétition)"
export RACCORD_REHEARSAL=1 RACCORD_APP_DIR=$WORK/app RACCORD_USER=$RUN_USER \
  RACCORD_ETC_DIR=$WORK/etc RACCORD_DATA_DIR=$WORK/data RACCORD_DB_NAME=$DB_NAME \
  RACCORD_APP_PORT=$APP_PORT RACCORD_HTTP_PORT=$HTTP_PORT RACCORD_HTTPS_PORT=$HTTPS_PORT \
  RACCORD_REDIS_DB=$REDIS_DB RACCORD_TLS=selfsigned RACCORD_NGINX_DIR=$WORK/nginx \
  RACCORD_SYSTEMD_DIR=$WORK/systemd RACCORD_ACME_ROOT=$WORK/acme RACCORD_CACHE_DIR=$WORK/nginx/cache \
  RACCORD_DOMAIN=127.0.0.1 RACCORD_TEAM_EMAIL=equipe@example.org EMAIL_HOST=127.0.0.1 \
  EMAIL_PORT=2525 EMAIL_HOST_USER="" EMAIL_HOST_PASSWORD="" \
  RACCORD_ADMIN_PASSWORD=rehearsal-$RANDOM-$RANDOM
bash "$WORK/app/deploy/install.sh" </dev/null >"$WORK/logs/install.log" 2>&1 \
  || { tail -n 60 "$WORK/logs/install.log" >&2; fail "install.sh"; }
grep -E '^(==>|Étape|Timers|bootstrap_site)' "$WORK/logs/install.log" || true
ENV_FILE=$WORK/etc/raccord.env
[ "$(stat -c '%a %U %G' "$ENV_FILE")" = "640 root $RUN_USER" ] || fail "droits de $ENV_FILE"
for unit in raccord-web.service raccord-worker.service raccord-backup.timer raccord-backup.service; do
  [ -f "$WORK/systemd/$unit" ] || fail "unité $unit absente"
done
grep -q "^ExecStart=.*manage.py backup --nightly" "$WORK/systemd/raccord-backup.service" || fail "backup --nightly"

manage() {
  (cd "$WORK/app" && runuser -u "$RUN_USER" -- env -i PATH=/usr/bin:/bin HOME="$WORK/data" \
    bash -c 'set -a; . "$0"; set +a; exec .venv/bin/python manage.py "$@"' "$ENV_FILE" "$@") \
    2>>"$WORK/logs/manage.log"
}

start_unit() { # start_unit NAME: run the unit's ExecStart as its User, with its EnvironmentFile
  local unit=$WORK/systemd/raccord-$1.service command
  command=$(sed -n 's/^ExecStart=//p' "$unit")
  setsid runuser -u "$RUN_USER" -- env -i PATH=/usr/bin:/bin HOME="$WORK/data" bash -c \
    'set -a; . "$0"; set +a; cd "$1"; eval "exec $2"' "$ENV_FILE" "$WORK/app" "$command" \
    >>"$WORK/logs/$1.log" 2>&1 &
  PIDS+=($!)
}

http() { # http PATH [curl args…]: status code of a page through nginx, cache bypassed
  curl -sk -o "${OUT:-/dev/null}" -w '%{http_code}' --max-time 30 -H 'Cookie: sessionid=rehearsal' "$@"
}

wait_healthy() {
  for _ in $(seq 1 90); do
    [ "$(http "$BASE/healthz")" = 200 ] && return 0
    sleep 1
  done
  curl -sk "$BASE/healthz" >&2 || true
  fail "/healthz n'est pas passé à 200"
}

snapshot() { # snapshot FILE: each sitemap page's status, title and first heading, through nginx
  local out=$1 url path page
  OUT=$WORK/sitemap.xml http "$BASE/sitemap.xml" >/dev/null
  : >"$out"
  for url in $(grep -o '<loc>[^<]*</loc>' "$WORK/sitemap.xml" | sed 's/<[^>]*>//g'); do
    path=/${url#*://*/}
    page=$WORK/page.html
    code=$(OUT=$page http "$BASE$path")
    [ "$code" = 200 ] || fail "$path répond $code"
    printf '%s %s | %s | %s\n' "$code" "$path" \
      "$(grep -o '<title>[^<]*</title>' "$page" | head -1)" \
      "$(grep -o '<h1[^>]*>[^<]*' "$page" | head -1 | sed 's/<[^>]*>//')" >>"$out"
  done
  [ -s "$out" ] || fail "sitemap vide"
}

step "bootstrap_site une seconde fois : rien à faire"
manage bootstrap_site | grep -q "rien à faire" || fail "bootstrap_site a changé quelque chose"

step "Services (les commandes des unités) et nginx"
start_unit web
start_unit worker
nginx -c "$WORK/nginx/nginx.conf" || fail "nginx ne démarre pas"
wait_healthy
[ "$(http "http://127.0.0.1:$HTTP_PORT/")" = 301 ] || fail "HTTP ne redirige pas vers HTTPS"
install -d "$WORK/acme/.well-known/acme-challenge"
echo rehearsal >"$WORK/acme/.well-known/acme-challenge/token"
[ "$(http "http://127.0.0.1:$HTTP_PORT/.well-known/acme-challenge/token")" = 200 ] \
  || fail "le défi ACME n'est pas servi en HTTP"
[ "$(http "$BASE/static/wagtailadmin/css/core.css")" = 200 ] || fail "fichiers statiques"

step "Pages du plan du site, avant"
runuser -u "$RUN_USER" -- mkdir -p "$WORK/data/media/documents"
runuser -u "$RUN_USER" -- bash -c "echo 'preuve de restauration' >'$WORK/data/media/documents/preuve.txt'"
[ "$(http "$BASE/media/documents/preuve.txt")" = 200 ] || fail "média servi par nginx"
snapshot "$WORK/before.txt"
cat "$WORK/before.txt"

step "Sauvegarde"
archive=$(manage backup | tail -n 1)
[ -f "$archive" ] || fail "pas d'archive"
[ "$(stat -c '%a %U' "$archive")" = "600 $RUN_USER" ] || fail "archive lisible par d'autres : $(stat -c '%a %U' "$archive")"
echo "$archive ($(stat -c '%s' "$archive") octets, $(stat -c '%a %U' "$archive"))"

step "Base supprimée, médias effacés, restauration"
stop_app
runuser -u postgres -- dropdb "$DB_NAME"
runuser -u postgres -- createdb --owner "$DB_NAME" "$DB_NAME"
rm -rf "$WORK/data/media/documents"
manage restore "$archive" || fail "restore"
manage migrate --noinput >/dev/null
[ "$(cat "$WORK/data/media/documents/preuve.txt")" = "preuve de restauration" ] || fail "média non restauré"
manage restore "$archive" >/dev/null 2>&1 && fail "restore a accepté une base non vide sans --force"

step "Pages du plan du site, après"
start_unit web
start_unit worker
wait_healthy
snapshot "$WORK/after.txt"
diff -u "$WORK/before.txt" "$WORK/after.txt" || fail "les pages diffèrent après restauration"
echo "$(wc -l <"$WORK/after.txt") page(s) identiques avant et après."
