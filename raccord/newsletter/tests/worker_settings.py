"""Settings of the real `manage.py db_worker` started by the crash test: database tasks, SMTP."""

from raccord.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
