"""Settings for the test suite: the production settings with a throwaway key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-used-anywhere-else-0123456789abcdef")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["testserver", "localhost"]  # Django's test client and schemathesis' in-process calls

# Production serves hashed files after collectstatic; tests serve the source files.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_AUTOREFRESH = True

# The limits are tested on their own (tests/clients/, tests/duties/api/test_errors_and_limits.py); elsewhere they would
# make the suite depend on its speed.
API_ANON_THROTTLE_RATE = API_USER_THROTTLE_RATE = LOGIN_THROTTLE_RATE = PUBLIC_FORM_THROTTLE_RATE = None

# tests/duties/test_search_across_databases.py runs the same searches on the other kind of
# database and compares the answers: PostgreSQL (CI starts it) when the suite runs on SQLite,
# SQLite when it runs on PostgreSQL. Only that test creates the database.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["comparison"] = database_from_url(  # noqa: F405
        os.environ.get("COMPARISON_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/portal_compare_{os.getpid()}")
    )
else:
    DATABASES["comparison"] = database_from_url("sqlite://:memory:")  # noqa: F405

# django-simple-captcha accepts "PASSED" as the answer; the CAPTCHA's own checks are its tests'.
CAPTCHA_TEST_MODE = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
