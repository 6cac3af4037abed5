"""`make run`: debug on, mails on the console unless EMAIL_HOST is set."""

from .base import *  # noqa: F403
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)
if not EMAIL_HOST:  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` runs tasks in the request's process right after commit unless a worker is asked for.
if env("RACCORD_TASKS", "immediate") == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
