"""Settings shared by every environment. Secrets and hosts come from the environment."""

import dj_database_url

from .env import BASE_DIR, env, env_bool, env_int, env_list

PROJECT_DIR = BASE_DIR / "raccord"
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
# Keys the digests of e-mail addresses (people/digests.py): stable, never rotated, unlike
# SECRET_KEY; required in production (docs/gdpr.md).
RACCORD_HASH_KEY = env("RACCORD_HASH_KEY", "dev-only-hash-key-not-for-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# In layer order (docs/architecture.md): apps become ready in this order, so every registry of
# core/registry.py (demo loaders, GDPR sections…) lists its entries lowest app first.
RACCORD_APPS = [
    "raccord.core",
    "raccord.people",
    "raccord.partners",
    "raccord.newsletter",
    "raccord.events",
    "raccord.residencies",
    "raccord.films",
    "raccord.plateau",
]

INSTALLED_APPS = [
    *RACCORD_APPS,
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "raccord.core.page_cache.PageCacheMiddleware",
    "raccord.core.routing.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "raccord.core.middleware.AnonymousFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "raccord.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "raccord.urls"
WSGI_APPLICATION = "raccord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "raccord.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'raccord.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock when an atomic block starts: SQLite's stand-in for row locks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", str(VAR_DIR / "media"))
# Files only the team may download (attachments of requests): never served by nginx.
RACCORD_PRIVATE_MEDIA_ROOT = env("RACCORD_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
# Nightly backups (`manage.py backup --nightly`): where, how many kept, and an optional off-site
# copy to any restic repository (RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE: restic's own variables).
RACCORD_BACKUP_DIR = env("RACCORD_BACKUP_DIR", str(VAR_DIR / "backups"))
RACCORD_BACKUP_KEEP_DAILY = env_int("RACCORD_BACKUP_KEEP_DAILY", 7)
RACCORD_BACKUP_KEEP_WEEKLY = env_int("RACCORD_BACKUP_KEEP_WEEKLY", 4)
RACCORD_BACKUP_KEEP_MONTHLY = env_int("RACCORD_BACKUP_KEEP_MONTHLY", 6)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: Redis when REDIS_URL is set, a local memory cache otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "raccord.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "raccord"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages for anonymous visitors (raccord/core/page_cache.py), kept apart from rate limits.
CACHES["pages"] = {
    **CACHES["default"],
    "KEY_PREFIX": env("CACHE_KEY_PREFIX", "raccord") + "-pages",
    "LOCATION": CACHES["default"].get("LOCATION", "pages"),
}
RACCORD_PAGE_CACHE = env_bool("RACCORD_PAGE_CACHE", True)
RACCORD_PAGE_CACHE_ALIAS = "pages"
RACCORD_PAGE_CACHE_SECONDS = env_int("RACCORD_PAGE_CACHE_SECONDS", 300)
# Menu, footer and home body shared between page renders (core/fragments.py); same alias.
RACCORD_FRAGMENT_CACHE = env_bool("RACCORD_FRAGMENT_CACHE", True)
RACCORD_PUBLIC_MAX_AGE = env_int("RACCORD_PUBLIC_MAX_AGE", 10)

# Mail: SMTP when EMAIL_HOST is set; dev prints to the console otherwise (see dev.py).
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Raccord <webmaster@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Team notifications; empty: the contact address of the collective's identity (core/identity.py).
RACCORD_TEAM_EMAIL = env("RACCORD_TEAM_EMAIL")
RACCORD_MAIL_MAX_ATTEMPTS = env_int("RACCORD_MAIL_MAX_ATTEMPTS", 6)
# Bounce and complaint webhooks of the email service (newsletter app), basic-auth protected.
ANYMAIL = {"WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET")}

# Background work: the tasks framework with its database backend (`manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The one address the site is served at (scheme, host, port): links in the API, feeds, sitemap,
# calendars and mails; `migrate`, `bootstrap_site` and `load_demo` align Wagtail's Site with it.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Wagtail
# The admin shows the software's name; the collective's is its identity (core SiteSettings).
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Raccord")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents (recordings) sent with HTTP Range support (core/sendfile.py); in production nginx
# sends them when SENDFILE_ACCEL names its internal location (docs/deploy.md).
SENDFILE_BACKEND = "raccord.core.sendfile"
RACCORD_SENDFILE_ACCEL = env("SENDFILE_ACCEL", "")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip", "mp3", "mp4", "webm"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "gif": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party request from the admin: avatars are Wagtail's default or uploaded, never Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Security: a strict CSP, no inline scripts; other headers from SecurityMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin needs inline styles and scripts; the public site does not.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail previews opt back in to SAMEORIGIN themselves
RACCORD_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
# ALTCHA proof of work, a signal on every public form (core/altcha.py, core/public_forms.py).
RACCORD_ALTCHA_SECRET = env("RACCORD_ALTCHA_SECRET")  # defaults to one derived from SECRET_KEY
RACCORD_ALTCHA_COST = env_int("RACCORD_ALTCHA_COST", 5000)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "raccord.core.views.csrf_failure"

# Proxies in front of Django that append the client's address to X-Forwarded-For: 0 when
# Django faces the visitors (development), 1 behind nginx (production). Rate limits and the
# admin lockout count by that address (core.protection.client_ip); never more than are really
# there, or a visitor could choose their own address.
RACCORD_TRUSTED_PROXY_COUNT = env_int("RACCORD_TRUSTED_PROXY_COUNT", 0)

# Admin login lockout (django-axes), by the real client and the username together: failures
# from one client never lock the team out from another (docs/security.md).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "raccord.core.protection.client_ip"
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]

LOGIN_URL = "wagtailadmin_login"

# Raccord
RACCORD_SITE_URL = SITE_URL  # the name the code reads
RACCORD_DONATION_URL = env("RACCORD_DONATION_URL")  # the identity's donation page comes first
RACCORD_REGISTRATION_RETENTION_DAYS = env_int("RACCORD_REGISTRATION_RETENTION_DAYS", 365)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Health: the worker writes a heartbeat every RACCORD_WORKER_HEARTBEAT seconds; /healthz turns
# red after RACCORD_WORKER_MAX_SILENCE seconds without one.
RACCORD_WORKER_HEARTBEAT = env_int("RACCORD_WORKER_HEARTBEAT", 10)
RACCORD_WORKER_MAX_SILENCE = env_int("RACCORD_WORKER_MAX_SILENCE", 60)
# Run when a worker starts: re-enqueue work a killed worker left behind (its task stays RUNNING).
RACCORD_WORKER_STARTUP_HOOKS = [
    "raccord.newsletter.sending.resume_all",
    "raccord.core.outbox.retry_due",
]
