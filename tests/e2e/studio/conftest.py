"""Fixtures of the browser tests: Debian's Chromium driven by Playwright (never a downloaded browser)."""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from application.use_cases.create_user import CreateUserCommand
from domain.user import Role
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.app import create_app
from tests.conftest import service_unavailable
from tests.e2e.conftest import FAST_HASHER, PASSWORD, embedded_settings
from tests.e2e.studio.servers import ThreadedApp

CHROMIUM = Path(os.environ.get("LESSONSMITH_TEST_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS_DIR = Path(__file__).resolve().parents[3] / "test-artifacts"
SAVED: list[str] = []
STUDENT = "mallory"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium; media may start without a click (the tests press play from script)."""
    if not CHROMIUM.exists():
        service_unavailable(f"Chromium at {CHROMIUM} (bash scripts/setup_browser.sh installs it)")
    expect.set_options(timeout=15_000)  # the machine is shared: give assertions room under load
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=["--autoplay-policy=no-user-gesture-required"])
        yield launched
        launched.close()


class PageProblems:
    """Script errors and console errors (CSP violations included) a page reported."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.messages.append(f"console: {message.text}")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no shared storage) and its page, 1400 px wide."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


@pytest.fixture
def problems(page: Page) -> PageProblems:
    """What went wrong in the page's scripts; a test asserts it stayed empty."""
    return PageProblems(page)


@contextmanager
def studio_app(home: Path, configure: Callable[[ApplicationContainer], None] | None = None) -> Iterator[ThreadedApp]:
    """The app on the embedded profile in `home` (real worker, offline providers), served from a thread, with
    one student, STUDENT / PASSWORD; `configure` may override providers first."""
    container = build_container(embedded_settings(home))
    container.gateways.hasher.override(FAST_HASHER)
    if configure is not None:
        configure(container)

    async def create_student(started: ApplicationContainer) -> None:
        await started.use_cases.create_user().execute(
            CreateUserCommand(username=STUDENT, role=Role.STUDENT, password=PASSWORD))

    with ThreadedApp(create_app(container, on_started=create_student)) as running:
        yield running


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page PNG under test-artifacts/ (git-ignored); its path is printed and repeated in the summary."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    path = ARTIFACTS_DIR / name
    page.screenshot(path=str(path), full_page=True)
    line = f"STUDIO: screenshot of the finished lesson saved to {path}"
    print(line)
    SAVED.append(line)
    return path


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Repeat where the screenshots are."""
    if SAVED:
        terminalreporter.section("studio screenshots")
        for line in SAVED:
            terminalreporter.write_line(line)
