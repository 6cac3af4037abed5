"""The test suite: fast hashing, mails in memory, tasks run at once."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-use-0123456789"
RACCORD_HASH_KEY = "test-hash-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("RACCORD_TEST_TASKS") == "db":  # subprocess tests that run a real worker
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off by default so tests see fresh pages; raccord/core/tests/test_page_cache.py turns it on.
RACCORD_PAGE_CACHE = False
RACCORD_FRAGMENT_CACHE = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(VAR_DIR / "test-media"))  # noqa: F405
ALLOWED_HOSTS = ["*"]
AXES_ENABLED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
RACCORD_SITE_URL = "http://testserver"
RACCORD_TEAM_EMAIL = "equipe@example.org"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns when it is missing
