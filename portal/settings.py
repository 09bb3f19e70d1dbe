"""Settings for the duty-list portal, read from the environment (12-factor).

DATABASE_URL selects the database (an embedded SQLite file by default, PostgreSQL in
production); SECRET_KEY must come from the environment unless DEBUG is on.
"""

import json
import os
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal.database_urls import database_from_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
    # A development key, generated once per checkout and kept out of git.
    _dev_key_file = BASE_DIR / ".dev-secret-key"
    if not _dev_key_file.exists():
        from django.core.management.utils import get_random_secret_key

        _dev_key_file.write_text(get_random_secret_key())
    SECRET_KEY = _dev_key_file.read_text().strip()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "clients",
    "kept_posts",
    "portal",
    "duties",
    "reports",
    "plans",
    "listdrafts",
    "disclosures",
    "calendars",
    "problems",
    "contact",
    "captcha",
    "pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.uploads.RequestBodyLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads a parameter: a NUL character is a 400 naming it (PostgreSQL refuses NULs).
    "portal.null_characters.RejectNullCharactersMiddleware",
    "portal.database.PrimaryDatabaseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Around everything that answers a signed-in user (the lockout page included): never stored.
    "portal.caching.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A 405 without a body (require_POST, a view's http_method_not_allowed) gets the portal's page.
    "portal.errors.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.preferences.display_preferences",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"


DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
if os.environ.get("DATABASE_REPLICA_URL"):
    # Public reads go to a streaming replica; writes, transactions, signed-in users and, for a few seconds,
    # the browser that just wrote stay on the primary (portal/database.py says the whole rule).
    DATABASES["replica"] = database_from_url(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["portal.database.PrimaryReplicaRouter"]
READ_YOUR_WRITES_SECONDS = int(os.environ.get("READ_YOUR_WRITES_SECONDS", "10"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The client's address (clients/addresses.py): the number of reverse proxies in front of the app
# servers that append to X-Forwarded-For (1: the nginx of the README; 0: clients connect directly).
# The API throttle, the sign-in and form limits, django-axes and the logs all read it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is a number of proxies: 0 or more.")

# Per-client limits on the public forms, counted in the shared cache (clients/throttling.py):
# sign-in attempts (the staff page and the admin's) per address, and every other form anyone may
# submit (search, the day picker, the 关怀版 switch) per address, or per account when signed in.
LOGIN_THROTTLE_RATE = os.environ.get("LOGIN_THROTTLE_RATE", "30/min") or None
PUBLIC_FORM_THROTTLE_RATE = os.environ.get("PUBLIC_FORM_THROTTLE_RATE", "120/min") or None

# Staff accounts (reports app): sign-in pages in Chinese, failed logins locked out by
# django-axes per username and client address together, sessions ending after
# SESSION_COOKIE_AGE and when the browser closes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "reports:login"
LOGIN_REDIRECT_URL = "reports:workspace"
LOGOUT_REDIRECT_URL = "pages:signed_out"  # a page saying the session has ended
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
# Username and address together: failures from one address never lock the account out elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "clients.addresses.client_address"
AXES_RESET_ON_SUCCESS = True
# Retrying during a lockout does not prolong it: the page says until when, and that holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "reports/account_locked.html"
AXES_LOCKOUT_CALLABLE = "reports.accounts.lockout_response"
AXES_VERBOSE = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Evidence attached to annual reports: PDF, PNG or JPEG, checked by content.
REPORT_ATTACHMENT_MAX_BYTES = int(os.environ.get("REPORT_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads go to shared storage in a multi-server deployment: any Django storage backend
# (e.g. django-storages' S3 backend) with its options as JSON.
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"

# The working year (plans/, disclosures/, calendars/): a report on a year opens with each duty's plan as filed
# for record (reports/planning.py); deadline reminders by e-mail (send_deadline_reminders), each turned off by
# leaving it out: the days before a deadline it reminds the department, and whether supervisors hear of overdue items.
REPORT_PLANNED_WORK = "plans.selectors.planned_work"
# The compliance board shows each department's record on the problems it had to close that year (reports/compliance.py).
REPORT_PROBLEM_FIGURES = "problems.selectors.department_figures"
# The list-publication tracker (duties/publication.py) reads which departments have a draft list in review.
LIST_IN_REVIEW = "listdrafts.selectors.in_review_expression"
DEADLINE_REMINDER_DAYS = [int(day) for day in env_list("DEADLINE_REMINDER_DAYS", "14,3,1")]
DEADLINE_OVERDUE_REMINDERS = env_bool("DEADLINE_OVERDUE_REMINDERS", default=True)
# The portal's public address, for links in e-mails (e.g. https://portal.example.cn); empty: links are paths.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").rstrip("/")
# Problems reported by the public (problems/): photos, abuse limits, contact retention, reminders.
PROBLEM_PHOTO_MAX_BYTES = int(os.environ.get("PROBLEM_PHOTO_MAX_BYTES", str(8 * 1024 * 1024)))
PROBLEM_PHOTOS_MAX = int(os.environ.get("PROBLEM_PHOTOS_MAX", "3"))
# How many reports one client address may file per hour (counted in the cache); 0 turns the limit off.
PROBLEM_REPORTS_PER_HOUR = int(os.environ.get("PROBLEM_REPORTS_PER_HOUR", "10"))
# Days a finished problem keeps its reporter's contact before purge_reporter_contacts removes it.
PROBLEM_CONTACT_RETENTION_DAYS = int(os.environ.get("PROBLEM_CONTACT_RETENTION_DAYS", "180"))
# Days before a deadline that the department's handlers are reminded (send_problem_reminders).
PROBLEM_REMINDER_DAYS = int(os.environ.get("PROBLEM_REMINDER_DAYS", "3"))
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
CAPTCHA_IMAGE_SIZE = (120, 40)
CAPTCHA_FONT_SIZE = 30
CAPTCHA_TIMEOUT = 10  # minutes
# Accepts "PASSED" as every answer: only for the load test on loopback (bench/load/run.sh), never in production.
CAPTCHA_TEST_MODE = env_bool("CAPTCHA_TEST_MODE")

# A search counts its matches exactly up to this many, then says "N+" (search/).
SEARCH_COUNT_CAP = int(os.environ.get("SEARCH_COUNT_CAP", 1000))

# Spreadsheet imports of duty lists (duties/spreadsheet.py): the largest file and number of rows read.
DUTY_IMPORT_MAX_BYTES = int(os.environ.get("DUTY_IMPORT_MAX_BYTES", 5 * 2**20))
DUTY_IMPORT_MAX_ROWS = int(os.environ.get("DUTY_IMPORT_MAX_ROWS", 20_000))

# Request bodies. A file up to the larger of the two limits above is read into memory (beyond it
# Django would spool it to a temporary file only for the form to refuse it); the text of a form
# (a report's draft: every entry's progress, figures and links) may take up to FORM_TEXT_MAX_BYTES,
# in up to DATA_UPLOAD_MAX_NUMBER_FIELDS fields (four per duty a report lists: room for ~490
# duties, and for the admin's bulk actions on a page of rows). REQUEST_BODY_MAX_BYTES is the
# largest request anybody needs to send: the README's nginx configuration allows that much
# (client_max_body_size), and so do the app servers (portal/uploads.py answers 413 to anything
# larger without reading it).
FILE_UPLOAD_MAX_MEMORY_SIZE = max(REPORT_ATTACHMENT_MAX_BYTES, DUTY_IMPORT_MAX_BYTES)
FORM_TEXT_MAX_BYTES = int(os.environ.get("FORM_TEXT_MAX_BYTES", 4 * 2**20))
DATA_UPLOAD_MAX_MEMORY_SIZE = FORM_TEXT_MAX_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
REQUEST_BODY_MAX_BYTES = FILE_UPLOAD_MAX_MEMORY_SIZE + FORM_TEXT_MAX_BYTES

# The source texts the parser reads and the fixtures it writes.
DUTY_SOURCES_DIR = BASE_DIR / "fixtures" / "sources"
DUTY_FIXTURE_PATH = BASE_DIR / "fixtures" / "duties.json"

# The API: read-only, public, documented by drf-spectacular (see api/).
REST_FRAMEWORK = {
    # Public and read-only: nobody signs in to the API, so no request carries credentials it would ignore.
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Only signed-in users' sessions: an Authorization header is never read, so a public read never
    # hashes a password, never answers 401/403 for a malformed header and never locks anyone out.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "api.renderers.CSVRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.renderers.FormatNegotiation",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PortalPagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
}
API_ANON_THROTTLE_RATE = os.environ.get("API_ANON_THROTTLE_RATE", "300/min") or None
API_USER_THROTTLE_RATE = os.environ.get("API_USER_THROTTLE_RATE", "1000/min") or None
SPECTACULAR_SETTINGS = {
    "TITLE": "生态环境保护具体事项清单 API",
    "DESCRIPTION": "各省承担重要生态环境保护职责部门的具体事项清单：谁牵头什么。"
    "只读、公开；列表可加 ?format=csv 导出。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "ProvisionKindEnum": "duties.models.Provision.Kind",
        "JurisdictionKindEnum": "duties.models.Jurisdiction.Kind",
        # Reports' compliance status and problems' status are both called "status".
        "ProblemStatusEnum": "problems.models.problems.Status",
        # A problem's category is also GeoReport's service_code.
        "ProblemCategoryEnum": "problems.models.problems.Category",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.errors.document_error_responses",
        "api.schema.link_lists_to_records",
    ],
}
# Anyone may read the API from a browser on another site; nothing else crosses origins.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    # Off only for plain-HTTP runs on loopback (bench/load/run.sh); check --deploy warns if so.
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Redis, when configured, holds the cache (request counts of every limit, expensive pages) and
# sessions; without it each process keeps its own small cache and sessions live in the database,
# which is for development only: a system check (clients/checks.py) refuses it with DEBUG off,
# or with more than one worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, answered from each process's memory while Redis is down (portal/cache.py).
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

# No inline script or style anywhere: every asset is a file served from this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))

LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(client_address)s %(message)s"},
    },
    # Every record names the client's address (clients/addresses.py) when it carries a request.
    "filters": {"client_address": {"()": "clients.addresses.ClientAddressFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["client_address"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The site's identity in every page's footer, as 《政府网站发展指引》 asks: each is shown only when set,
# never made up. SITE_ICP_NUMBER links to beian.miit.gov.cn; SITE_PUBLIC_SECURITY_NUMBER (公安备案号) to
# the Ministry of Public Security's register.
SITE_OWNER = os.environ.get("SITE_OWNER", "").strip()  # 主办单位
SITE_CONTACT_PHONE = os.environ.get("SITE_CONTACT_PHONE", "").strip()
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "").strip()
SITE_CONTACT_ADDRESS = os.environ.get("SITE_CONTACT_ADDRESS", "").strip()
SITE_IDENTIFIER = os.environ.get("SITE_IDENTIFIER", "").strip()  # 网站标识码
SITE_ICP_NUMBER = os.environ.get("SITE_ICP_NUMBER", "").strip()
SITE_PUBLIC_SECURITY_NUMBER = os.environ.get("SITE_PUBLIC_SECURITY_NUMBER", "").strip()
# Django's own page tells the public to turn DEBUG on; ours says what happened and where to go, and keeps a
# signed-in form's post whose CSRF token went stale with its session for its account (kept_posts/).
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
