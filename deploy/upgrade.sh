#!/usr/bin/env bash
# Upgrade a Raccord server installed by deploy/install.sh, as root:
#   bash /srv/raccord/deploy/upgrade.sh
# A backup first, then the new code, the locked dependencies, migrations, static files and a
# graceful reload: install.sh does those steps and is idempotent, so it is run again.
set -euo pipefail
APP_DIR=${RACCORD_APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
RUN_USER=${RACCORD_USER:-raccord}
ENV_FILE=${RACCORD_ETC_DIR:-/etc/raccord}/raccord.env

[ "$(id -u)" -eq 0 ] || { echo "upgrade.sh: à lancer en root" >&2; exit 1; }
[ -f "$ENV_FILE" ] || { echo "upgrade.sh: $ENV_FILE absent : lancez d’abord deploy/install.sh" >&2; exit 1; }

echo "==> Sauvegarde avant mise à jour"
(cd "$APP_DIR" && runuser -u "$RUN_USER" -- env -i PATH=/usr/bin:/bin bash -c \
  'set -a; . "$0"; set +a; exec .venv/bin/python manage.py backup' "$ENV_FILE")

if [ "${RACCORD_SKIP_PULL:-0}" != 1 ]; then
  echo "==> Nouveau code (git pull --ff-only)"
  runuser -u "$RUN_USER" -- git -C "$APP_DIR" pull --ff-only
fi

# Dependencies (lock), migrations, collectstatic, units, nginx; then `systemctl reload
# raccord-web` (gunicorn replaces its workers one by one) and a worker restart.
exec bash "$APP_DIR/deploy/install.sh"
