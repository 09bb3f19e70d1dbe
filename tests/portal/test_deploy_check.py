"""Production settings pass Django's deployment checks and send the security headers."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-key-" + "x7Qp2L9vZ4mN8rT1wE6yU3iO5aS0dF" * 2,
    "ALLOWED_HOSTS": "portal.example.cn",
    "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    # Production counts every request limit in one shared cache (clients/checks.py).
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def run_manage(*arguments, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = dict(PRODUCTION_ENVIRONMENT, SECRET_KEY="")
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_code(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_has_inline_script_or_style():
    offenders = []
    for template in (settings.BASE_DIR / "templates").rglob("*.html"):
        text = template.read_text()
        if (
            "<script>" in text
            or "<script " in text.replace('<script src="', "")
            or "style=" in text
            or "<style" in text
        ):
            offenders.append(str(template.relative_to(settings.BASE_DIR)))
    assert offenders == []


@override_settings(DEBUG=False)
def test_session_cookie_expires():
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_redis_when_configured_holds_the_cache_and_sessions():
    script = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('portal-redis-check', 42); print(cache.get('portal-redis-check'), settings.SESSION_ENGINE)"
    )
    result = run_manage("shell", "-c", script, **PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["42", "django.contrib.sessions.backends.cached_db"]


def test_production_without_a_shared_cache_fails_the_checks():
    environment = {**PRODUCTION_ENVIRONMENT, "REDIS_URL": ""}
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert "clients.E001" in result.stderr and "REDIS_URL" in result.stderr


@pytest.mark.parametrize(("workers", "fails"), [("3", True), ("1", False)])
def test_development_with_several_workers_and_no_shared_cache_fails_the_checks(workers, fails):
    environment = {**PRODUCTION_ENVIRONMENT, "REDIS_URL": "", "DEBUG": "1", "WEB_CONCURRENCY": workers}
    result = run_manage("check", **environment)
    assert (result.returncode != 0) is fails, result.stdout + result.stderr
    assert ("clients.E002" in result.stderr) is fails


def test_gunicorn_workers_refuse_to_boot_when_they_would_count_alone():
    """portal/gunicorn.conf.py runs the same check with the number of workers it starts."""
    from clients.checks import counting_errors

    with override_settings(
        DEBUG=True, CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    ):
        assert [error.id for error in counting_errors(5)] == ["clients.E002"]
        assert counting_errors(1) == []
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}):
        assert counting_errors(5) == []
