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

# The throttle is tested on its own (tests/duties/api/test_errors_and_limits.py); elsewhere it would
# make the suite depend on its speed.
API_ANON_THROTTLE_RATE = None
