"""`manage.py db_worker`: django-tasks-db's worker, plus a heartbeat for `/healthz`.

Same options as the original; a daemon thread records a heartbeat every few seconds so that a
monitor polling `/healthz` notices within RACCORD_WORKER_MAX_SILENCE when the worker is gone.
"""

import logging
import os
import socket
import threading
import uuid

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from raccord.core.health import WorkerHeartbeat

logger = logging.getLogger(__name__)


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": timezone.now(),
        },
    )


def _beat_forever(worker_id: str, stop: threading.Event) -> None:
    while not stop.wait(settings.RACCORD_WORKER_HEARTBEAT):
        try:
            beat(worker_id)
        except Exception:  # noqa: BLE001 - the next beat tries again; /healthz shows silence
            pass
        finally:
            close_old_connections()


def recover() -> None:
    """Work a killed worker left half-done: its claimed task stays RUNNING and is never retried.

    Each hook re-enqueues what it owns (idempotent: duplicate tasks only race for the same
    atomically claimed rows), e.g. campaigns still sending and mails whose retry is due.
    """
    for path in settings.RACCORD_WORKER_STARTUP_HOOKS:
        try:
            import_string(path)()
        except Exception:  # recovery must not stop the worker from starting
            logger.exception("worker startup hook %s failed", path)


class Command(DbWorkerCommand):
    def handle(self, *args, **options):
        recover()
        heartbeat_id = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"[:64]
        beat(heartbeat_id)
        stop = threading.Event()
        thread = threading.Thread(target=_beat_forever, args=(heartbeat_id, stop), daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            WorkerHeartbeat.objects.filter(worker_id=heartbeat_id).delete()
