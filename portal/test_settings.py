"""Settings for the test suite: the production settings with a throwaway key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-used-anywhere-else-0123456789abcdef")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False

# Production serves hashed files after collectstatic; tests serve the source files.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
