#!/usr/bin/env bash
# Provision a fresh Debian 12 server for Raccord, as root, from a checkout of the code:
#   git clone <repository> /srv/raccord && bash /srv/raccord/deploy/install.sh
# Idempotent: run it again after a change and it only fills in what is missing.
#
# Asks for (or reads from its environment) RACCORD_DOMAIN, RACCORD_TEAM_EMAIL and the SMTP
# settings (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD). RACCORD_TLS chooses
# the HTTPS stage: `letsencrypt` (default: certbot, webroot), `selfsigned` (Debian's snakeoil
# certificate) or `none` (stay at stage 1, HTTP only). RACCORD_ADMIN_PASSWORD sets the first
# admin's password; otherwise one is generated and printed once.
#
# RACCORD_REHEARSAL=1 (deploy/rehearse.sh): every path, port and name comes from the
# environment, nothing is started or enabled (no systemd here), nginx gets a config of its own
# under RACCORD_NGINX_DIR instead of /etc/nginx.
set -euo pipefail

APP_DIR=${RACCORD_APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
REHEARSAL=${RACCORD_REHEARSAL:-0}
RUN_USER=${RACCORD_USER:-raccord}
ETC_DIR=${RACCORD_ETC_DIR:-/etc/raccord}
ENV_FILE=$ETC_DIR/raccord.env
DATA_DIR=${RACCORD_DATA_DIR:-/var/lib/raccord}
DB_NAME=${RACCORD_DB_NAME:-raccord}
DB_USER=${RACCORD_DB_USER:-$DB_NAME}
APP_PORT=${RACCORD_APP_PORT:-8000}
HTTP_PORT=${RACCORD_HTTP_PORT:-80}
HTTPS_PORT=${RACCORD_HTTPS_PORT:-443}
REDIS_DB=${RACCORD_REDIS_DB:-0}
TLS=${RACCORD_TLS:-letsencrypt}
NGINX_DIR=${RACCORD_NGINX_DIR:-/etc/nginx}
SYSTEMD_DIR=${RACCORD_SYSTEMD_DIR:-/etc/systemd/system}
ACME_ROOT=${RACCORD_ACME_ROOT:-/var/www/letsencrypt}
CACHE_DIR=${RACCORD_CACHE_DIR:-/var/cache/nginx/raccord}
SYSTEM_PYTHON=${RACCORD_PYTHON:-/usr/bin/python3}
VENV=$APP_DIR/.venv

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "à lancer en root (sudo bash deploy/install.sh)"
[ -f "$APP_DIR/manage.py" ] || die "pas de manage.py dans $APP_DIR"

ask() { # ask VAR "question" default: keep the environment's value, else ask on a terminal
  local name=$1 question=$2 default=${3:-}
  if [ -z "${!name:-}" ]; then
    if [ -t 0 ]; then
      read -r -p "$question${default:+ [$default]} : " value
      printf -v "$name" '%s' "${value:-$default}"
    else
      printf -v "$name" '%s' "$default"
    fi
  fi
}

if [ ! -f "$ENV_FILE" ]; then
  ask RACCORD_DOMAIN "Nom de domaine du site (sans www)" ""
  [ -n "${RACCORD_DOMAIN:-}" ] || die "RACCORD_DOMAIN manquant"
  ask RACCORD_TEAM_EMAIL "Adresse de l’équipe (notifications, Let’s Encrypt)" "contact@$RACCORD_DOMAIN"
  ask EMAIL_HOST "Serveur SMTP" "localhost"
  ask EMAIL_PORT "Port SMTP" "587"
  ask EMAIL_HOST_USER "Identifiant SMTP" ""
  ask EMAIL_HOST_PASSWORD "Mot de passe SMTP" ""
fi

# --- 1. System packages -------------------------------------------------------------------------
say "Paquets Debian"
packages=(postgresql redis-server nginx certbot restic ssl-cert python3 python3-venv git curl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  for attempt in 1 2 3; do # a mirror that drops a connection is tried again
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null && break
    [ "$attempt" = 3 ] && die "apt-get n'a pas pu installer : ${missing[*]}"
    sleep 10
  done
fi

# --- 2. User and folders ------------------------------------------------------------------------
say "Utilisateur $RUN_USER et dossiers"
id -u "$RUN_USER" >/dev/null 2>&1 \
  || adduser --system --group --home "$DATA_DIR" --no-create-home --quiet "$RUN_USER"
install -d -m 755 -o "$RUN_USER" -g "$RUN_USER" "$DATA_DIR" "$DATA_DIR/media"
install -d -m 700 -o "$RUN_USER" -g "$RUN_USER" "$DATA_DIR/private" "$DATA_DIR/backups"
install -d -m 750 -o root -g "$RUN_USER" "$ETC_DIR"
install -d -m 755 "$ACME_ROOT"
chown -R "$RUN_USER:$RUN_USER" "$APP_DIR"

# --- 3. Database --------------------------------------------------------------------------------
say "PostgreSQL : base $DB_NAME"
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" ]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN"
fi
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
  runuser -u postgres -- createdb --owner "$DB_USER" "$DB_NAME"
fi

# --- 4. /etc/raccord/raccord.env --------------------------------------------------------------
set_env() { # set_env KEY VALUE: one KEY='value' line, readable by bash and systemd alike
  local key=$1 value=$2
  case $value in *"'"* | *$'\n'*) die "valeur refusée pour $key (apostrophe ou saut de ligne)" ;; esac
  if grep -q "^$key=" "$ENV_FILE"; then
    KEY=$key VALUE=$value "$SYSTEM_PYTHON" - "$ENV_FILE" <<'PY'
import os, sys
path, key, value = sys.argv[1], os.environ["KEY"], os.environ["VALUE"]
lines = open(path, encoding="utf-8").read().splitlines()
lines = [f"{key}='{value}'" if line.startswith(f"{key}=") else line for line in lines]
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  else
    printf "%s='%s'\n" "$key" "$value" >>"$ENV_FILE"
  fi
}
secret() { "$SYSTEM_PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))'; }

if [ ! -f "$ENV_FILE" ]; then
  say "Configuration $ENV_FILE (secrets générés)"
  install -m 640 -o root -g "$RUN_USER" "$APP_DIR/deploy/raccord.env.example" "$ENV_FILE"
  db_password=$(secret | tr -dc 'A-Za-z0-9' | head -c 32)
  psql_admin -c "ALTER ROLE \"$DB_USER\" PASSWORD '$db_password'"
  if [ "$HTTPS_PORT" = 443 ]; then origin="https://$RACCORD_DOMAIN"; else origin="https://$RACCORD_DOMAIN:$HTTPS_PORT"; fi
  [ "$TLS" = none ] && origin="http://$RACCORD_DOMAIN$([ "$HTTP_PORT" = 80 ] || echo ":$HTTP_PORT")"
  hosts="$RACCORD_DOMAIN"
  origins="$origin"
  if [ "${RACCORD_WWW:-1}" = 1 ] && [[ ! $RACCORD_DOMAIN =~ ^[0-9.]+$ ]]; then
    hosts="$hosts,www.$RACCORD_DOMAIN"
    origins="$origins,${origin/:\/\//://www.}"
  fi
  set_env SECRET_KEY "$(secret)"
  set_env RACCORD_HASH_KEY "$(secret)"
  set_env SITE_URL "$origin"
  set_env ALLOWED_HOSTS "$hosts"
  set_env CSRF_TRUSTED_ORIGINS "$origins"
  set_env DATABASE_URL "postgres://$DB_USER:$db_password@127.0.0.1:5432/$DB_NAME"
  set_env REDIS_URL "redis://127.0.0.1:6379/$REDIS_DB"
  set_env MEDIA_ROOT "$DATA_DIR/media"
  set_env RACCORD_PRIVATE_MEDIA_ROOT "$DATA_DIR/private"
  set_env RACCORD_BACKUP_DIR "$DATA_DIR/backups"
  set_env RESTIC_PASSWORD_FILE "$ETC_DIR/restic-password"
  set_env EMAIL_HOST "$EMAIL_HOST"
  set_env EMAIL_PORT "$EMAIL_PORT"
  set_env EMAIL_HOST_USER "$EMAIL_HOST_USER"
  set_env EMAIL_HOST_PASSWORD "$EMAIL_HOST_PASSWORD"
  set_env RACCORD_TEAM_EMAIL "$RACCORD_TEAM_EMAIL"
  set_env DEFAULT_FROM_EMAIL "$RACCORD_TEAM_EMAIL"
  [ "$TLS" = none ] && set_env SECURE_SSL_REDIRECT "false"
fi
chown root:"$RUN_USER" "$ENV_FILE"
chmod 640 "$ENV_FILE"
grep -q "^SECRET_KEY='..*'" "$ENV_FILE" || die "SECRET_KEY vide dans $ENV_FILE"
grep -q "^RACCORD_HASH_KEY='..*'" "$ENV_FILE" || die "RACCORD_HASH_KEY vide dans $ENV_FILE"
if [ ! -f "$ETC_DIR/restic-password" ]; then
  (umask 077 && secret >"$ETC_DIR/restic-password")
fi
chown root:"$RUN_USER" "$ETC_DIR/restic-password"
chmod 640 "$ETC_DIR/restic-password"

# --- 5. Virtual environment on the system Python, the locked dependencies ---------------------
say "Environnement Python ($("$SYSTEM_PYTHON" --version)) et dépendances verrouillées"
as_user() { runuser -u "$RUN_USER" -- "$@"; }
[ -x "$VENV/bin/python" ] || as_user "$SYSTEM_PYTHON" -m venv "$VENV"
as_user "$VENV/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
  -r "$APP_DIR/requirements/runtime.txt"
as_user "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -e "$APP_DIR"

manage() { # manage.py as the service user, with the environment the units get
  (cd "$APP_DIR" && runuser -u "$RUN_USER" -- env -i PATH=/usr/local/bin:/usr/bin:/bin \
    HOME="$DATA_DIR" bash -c 'set -a; . "$0"; set +a; exec "$1/.venv/bin/python" manage.py "${@:2}"' \
    "$ENV_FILE" "$APP_DIR" "$@")
}

# --- 6. Django: schema, static files, site, first account ---------------------------------------
say "Migrations, fichiers statiques"
manage migrate --noinput
manage collectstatic --noinput --verbosity 0
manage check --deploy --fail-level ERROR

if manage help bootstrap_site >/dev/null 2>&1; then
  say "Pages du site (bootstrap_site)"
  manage bootstrap_site
else
  echo "bootstrap_site absent de cette version : arbre de pages laissé tel que les migrations le créent."
fi

if [ "$(manage shell -c 'from django.contrib.auth import get_user_model as g; print(g().objects.filter(is_superuser=True).exists())' | tail -1)" != True ]; then
  say "Premier compte d’administration"
  password=${RACCORD_ADMIN_PASSWORD:-$(secret | head -c 20)}
  (cd "$APP_DIR" && runuser -u "$RUN_USER" -- env -i PATH=/usr/bin:/bin HOME="$DATA_DIR" \
    DJANGO_SUPERUSER_PASSWORD="$password" bash -c \
    'set -a; . "$0"; set +a; exec .venv/bin/python manage.py createsuperuser --noinput --username admin --email "$RACCORD_TEAM_EMAIL"' \
    "$ENV_FILE")
  if [ -z "${RACCORD_ADMIN_PASSWORD:-}" ]; then
    echo "Identifiant : admin    Mot de passe (affiché une seule fois) : $password"
  fi
fi

# --- 7. systemd units: web, worker, one timer per job the apps declare --------------------------
say "Services systemd ($SYSTEMD_DIR)"
install -d "$SYSTEMD_DIR"
render() { # render TEMPLATE DEST KEY=VALUE...: replace @KEY@ placeholders
  local template=$1 dest=$2 text
  shift 2
  text=$(<"$template")
  for pair in "$@"; do text=${text//@${pair%%=*}@/${pair#*=}}; done
  printf '%s\n' "$text" >"$dest.tmp" && mv "$dest.tmp" "$dest"
}
common=(USER="$RUN_USER" APP_DIR="$APP_DIR" ENV_FILE="$ENV_FILE" APP_PORT="$APP_PORT")
render "$APP_DIR/deploy/systemd/raccord-web.service" "$SYSTEMD_DIR/raccord-web.service" "${common[@]}"
render "$APP_DIR/deploy/systemd/raccord-worker.service" "$SYSTEMD_DIR/raccord-worker.service" "${common[@]}"
timers=()
while IFS=$'\t' read -r name schedule command description; do
  [ -n "$name" ] || continue
  job=(NAME="$name" SCHEDULE="$schedule" COMMAND="$command" DESCRIPTION="$description")
  render "$APP_DIR/deploy/systemd/raccord-job.service" "$SYSTEMD_DIR/raccord-$name.service" "${common[@]}" "${job[@]}"
  render "$APP_DIR/deploy/systemd/raccord-job.timer" "$SYSTEMD_DIR/raccord-$name.timer" "${common[@]}" "${job[@]}"
  timers+=("raccord-$name.timer")
done < <(manage list_jobs)
echo "Timers : ${timers[*]}"
if [ "$REHEARSAL" != 1 ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable --now redis-server postgresql raccord-web raccord-worker "${timers[@]}"
  systemctl reload raccord-web
  systemctl restart raccord-worker
fi

# --- 8. nginx, in stages: HTTP with the ACME challenge, the certificate, then HTTPS -------------
say "nginx"
SITES=$NGINX_DIR/sites-available
install -d "$NGINX_DIR/conf.d" "$NGINX_DIR/snippets" "$SITES" "$NGINX_DIR/sites-enabled"
install -d -o www-data "$CACHE_DIR"
domain=$(sed -n "s/^ALLOWED_HOSTS='\([^,']*\).*/\1/p" "$ENV_FILE")
names=$(sed -n "s/^ALLOWED_HOSTS='\(.*\)'/\1/p" "$ENV_FILE" | tr ',' ' ')
media=$(sed -n "s/^MEDIA_ROOT='\(.*\)'/\1/p" "$ENV_FILE")
suffix=$([ "$HTTPS_PORT" = 443 ] || echo ":$HTTPS_PORT")
site=(APP_DIR="$APP_DIR" MEDIA_ROOT="$media" APP_PORT="$APP_PORT" CACHE_DIR="$CACHE_DIR"
  HTTP_PORT="$HTTP_PORT" HTTPS_PORT="$HTTPS_PORT" HTTPS_SUFFIX="$suffix" SERVER_NAMES="$names"
  ACME_ROOT="$ACME_ROOT" SNIPPETS_DIR="$NGINX_DIR/snippets")
nginx_test() {
  if [ "$REHEARSAL" = 1 ]; then nginx -t -q -c "$NGINX_DIR/nginx.conf"; else nginx -t -q; fi
}
nginx_reload() {
  if [ "$REHEARSAL" = 1 ]; then return; fi
  if [ -d /run/systemd/system ]; then systemctl enable --now nginx && systemctl reload nginx
  else nginx -s reload 2>/dev/null || nginx; fi
}
render "$APP_DIR/deploy/nginx/upstream.conf" "$NGINX_DIR/conf.d/raccord-upstream.conf" "${site[@]}"
render "$APP_DIR/deploy/nginx/locations.conf" "$NGINX_DIR/snippets/raccord-locations.conf" "${site[@]}"
ln -sf "$SITES/raccord" "$NGINX_DIR/sites-enabled/raccord"
[ "$REHEARSAL" = 1 ] || rm -f "$NGINX_DIR/sites-enabled/default"

case $TLS in
  letsencrypt) cert=/etc/letsencrypt/live/$domain/fullchain.pem key=/etc/letsencrypt/live/$domain/privkey.pem ;;
  selfsigned) cert=/etc/ssl/certs/ssl-cert-snakeoil.pem key=/etc/ssl/private/ssl-cert-snakeoil.key ;;
  none) cert="" key="" ;;
  *) die "RACCORD_TLS inconnu : $TLS (letsencrypt, selfsigned ou none)" ;;
esac

# Stage 1 on a fresh install (no site file yet) and whenever the certificate is missing.
if [ ! -f "$SITES/raccord" ] || [ -z "$cert" ] || [ ! -f "$cert" ]; then
  echo "Étape 1 : HTTP seulement, avec le défi ACME"
  render "$APP_DIR/deploy/nginx/stage1-http.conf" "$SITES/raccord" "${site[@]}"
  nginx_test
  nginx_reload
fi

if [ "$TLS" = letsencrypt ] && [ ! -f "$cert" ]; then
  echo "Étape 2 : certificat Let’s Encrypt (webroot)"
  certbot_domains=()
  for name in $names; do certbot_domains+=(-d "$name"); done
  certbot certonly --webroot -w "$ACME_ROOT" "${certbot_domains[@]}" --non-interactive \
    --agree-tos --email "$(sed -n "s/^RACCORD_TEAM_EMAIL='\(.*\)'/\1/p" "$ENV_FILE")" \
    --deploy-hook "systemctl reload nginx"
fi
if [ "$TLS" = selfsigned ] && [ ! -f "$cert" ]; then
  make-ssl-cert generate-default-snakeoil
fi

if [ -n "$cert" ]; then
  echo "Étape 3 : HTTPS"
  render "$APP_DIR/deploy/nginx/stage2-tls.conf" "$SITES/raccord" "${site[@]}" CERT="$cert" CERT_KEY="$key"
  nginx_test
  nginx_reload
fi

say "Terminé"
echo "Site : $(sed -n "s/^SITE_URL='\(.*\)'/\1/p" "$ENV_FILE")/    Administration : …/admin/"
echo "Sauvegardes : chaque nuit dans $DATA_DIR/backups (raccord-backup.timer) ; copie hors site : RESTIC_REPOSITORY dans $ENV_FILE (docs/deploy.md)."
