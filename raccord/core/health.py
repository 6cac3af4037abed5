"""Health of the site and of its background worker, for `/healthz` and monitors."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """Written every few seconds by each running `db_worker`; a stale one means a dead worker."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "core"
        verbose_name = "signe de vie du worker"
        verbose_name_plural = "signes de vie des workers"

    def __str__(self) -> str:
        return f"{self.worker_id} ({timezone.localtime(self.last_seen):%d/%m %H:%M:%S})"


def uses_worker() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend.startswith("django_tasks_db")


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return f"error: {type(error).__name__}"
    return "ok"


def check_cache() -> str:
    try:
        key = "healthz:probe"
        value = timezone.now().isoformat()
        cache.set(key, value, 30)
        if cache.get(key) != value:
            return "error: cache did not return the value written"
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return f"error: {type(error).__name__}"
    return "ok"


def check_worker() -> str:
    if not uses_worker():
        return "ok (tâches exécutées immédiatement)"
    max_age = timedelta(seconds=settings.RACCORD_WORKER_MAX_SILENCE)
    try:
        latest = (
            WorkerHeartbeat.objects.order_by("-last_seen")
            .values_list("last_seen", flat=True)
            .first()
        )
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        return f"error: {type(error).__name__}"
    if latest is None:
        return "error: no worker has ever reported"
    silence = timezone.now() - latest
    if silence > max_age:
        return f"error: silent for {int(silence.total_seconds())}s"
    return "ok"


def report() -> tuple[bool, dict]:
    checks = {"database": check_database()}
    if checks["database"] == "ok":
        checks["worker"] = check_worker()
    checks["cache"] = check_cache()
    healthy = all(v.startswith("ok") for v in checks.values())
    return healthy, checks
