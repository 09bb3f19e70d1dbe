"""Browser tests: Debian's headless Chromium, driven by Playwright, against a live server.

The live server needs committed data, so these tests use a transactional database and
load the duty-list fixture themselves (pytest-django runs them after the other tests).
Screenshots go to test-artifacts/screenshots/ for anyone to look at.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.browser.contact_sheet import write_contact_sheet

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
BLOCKING_IMPACTS = {"serious", "critical"}
SCREENSHOT_WIDTHS = (PHONE["width"], DESKTOP["width"])


def pytest_sessionfinish(session):
    if SCREENSHOTS.exists():
        write_contact_sheet(SCREENSHOTS)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop on the main thread; the ORM calls the tests
    # make between browser steps are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(live_server, transactional_db):
    """The portal, served with the real fixture data, as a base URL."""
    call_command("load_duties", settings.DUTY_FIXTURE_PATH, stdout=StringIO())
    return live_server.url


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, locale="zh-CN", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context, page = _new_page(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield page
    context.close()


def screenshot(page, name, *, audit=True):
    """Leave the page as it is now at 390 and 1366 px, normal and 关怀版, and audit each of the four.

    关怀版 is the `care-mode` class the server puts on <html> from the reader's cookie; toggling the class
    shows the same state of the page (a filled form, a message) in the other mode without reloading it.
    Each variant must have no blocking axe finding and, at 390 px, nothing wider than the screen.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    care_mode_was_on = page.evaluate("document.documentElement.classList.contains('care-mode')")
    findings = {}
    for width in SCREENSHOT_WIDTHS:
        page.set_viewport_size({"width": width, "height": viewport["height"]})
        for care_mode in (False, True):
            page.evaluate("on => document.documentElement.classList.toggle('care-mode', on)", care_mode)
            variant = f"{width}-{'care' if care_mode else 'normal'}"
            # A long page (the API documentation) takes a while to capture whole.
            page.screenshot(path=SCREENSHOTS / f"{name}--{variant}.png", full_page=True, timeout=90_000)
            lines = blocking_accessibility_violations(page) if audit else []
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                lines.append("the page is wider than the screen")
            if lines:
                findings[variant] = lines
    page.evaluate("on => document.documentElement.classList.toggle('care-mode', on)", care_mode_was_on)
    page.set_viewport_size(viewport)
    assert findings == {}, f"{name}: {findings}"


def _finding_line(finding, kind):
    nodes = finding["nodes"]
    targets = "; ".join(
        node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in nodes[:3]
    )
    # Why axe flagged (or could not decide) the first node: "background could not be determined …".
    checks = [check["message"] for check in (nodes[0]["any"] + nodes[0]["all"] + nodes[0]["none"])] if nodes else []
    why = f" ({checks[0]})" if checks else ""
    return f"{finding['id']} ({kind}, {finding['impact']}): {finding['help']} — {targets}{why}"


def blocking_accessibility_violations(page):
    """axe-core's serious and critical violations, and every result it could not decide, as readable lines.

    An incomplete result is one axe could not settle (text over an image, an id it cannot find): a person
    would have to check it by hand on every page, so the pages are built to leave none.
    """
    results = Axe().run(page).response
    return [
        _finding_line(violation, "violation")
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ] + [_finding_line(incomplete, "incomplete") for incomplete in results["incomplete"]]
