"""Lesson text is data: HTML and script in it are shown as literal text in the studio, never parsed or run."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from playwright.sync_api import Page, expect

from infrastructure.container.application import ApplicationContainer
from tests.e2e.conftest import PASSWORD
from tests.e2e.studio.conftest import STUDENT, PageProblems, studio_app
from tests.e2e.studio.hostile_writer import PAYLOADS, HostileScriptWriter
from tests.e2e.studio.servers import ThreadedApp
from tests.e2e.studio.studio_page import StudioPage

pytestmark = pytest.mark.req("RDS-057")

QUERY = 'How do plants make their food? <b data-pwned="plants">food?</b>'
_INJECTED = """() => ({
  pwned: window.__pwned ?? null,
  elements: document.querySelectorAll(
    '[data-pwned], img[src="x"], body script:not([src]), a[href^="javascript"]').length,
})"""


def _hostile_writer(container: ApplicationContainer) -> None:
    container.generators.script_writer.override(
        providers.Singleton(HostileScriptWriter, container.generators.script_writer()))


@pytest.fixture
def hostile_app(tmp_path: Path) -> Iterator[ThreadedApp]:
    with studio_app(tmp_path, _hostile_writer) as running:
        yield running


def _lesson(app: ThreadedApp) -> dict[str, Any]:
    with httpx.Client(base_url=app.base_url, timeout=10) as client:
        token = client.post("/api/v1/auth/token", json={"username": STUDENT, "password": PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        newest = client.get("/api/v1/lessons", headers=headers).json()["items"][0]
        lesson: dict[str, Any] = client.get(newest["status_url"], headers=headers).json()
        return lesson


def test_html_and_script_in_a_lesson_are_shown_as_text(
    hostile_app: ThreadedApp, page: Page, problems: PageProblems
) -> None:
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(f"{hostile_app.base_url}/studio", STUDENT, PASSWORD)
    studio.request_lesson(QUERY, grade=4, interest="soccer", modalities={"text", "image"})
    assert studio.wait_until_finished() == "completed"
    content = _lesson(hostile_app)["lesson"]
    assert PAYLOADS[0] in content["title"] and any(p in content["sections"][0]["heading"] for p in PAYLOADS)
    assert any(p in content["quiz"][0]["question"] for p in PAYLOADS)

    expect(page.locator("#lesson-title")).to_have_text(content["title"])
    expect(page.locator("#hook")).to_have_text(content["hook"])
    expect(page.locator("#sections h3")).to_have_text([s["heading"] for s in content["sections"]])
    expect(page.locator("#sections .lesson-section > p:not(.citations)")).to_have_text(
        [s["body"] for s in content["sections"]])
    expect(page.locator("#worked-example")).to_have_text(content["worked_example"])
    expect(page.locator("#summary")).to_have_text(content["summary"])
    expect(page.locator(".quiz-item legend")).to_have_text(
        [f"{n}. {q['question']}" for n, q in enumerate(content["quiz"], start=1)])
    expect(page.locator("#slides figcaption")).to_have_text(
        [f"{n}. {s['title']}" for n, s in enumerate(content["slides"], start=1)])
    expect(page.locator("#history .history-open").first).to_have_text(content["title"])
    first = content["quiz"][0]
    assert studio.answer(0, first["answer"]) == f"Correct! {first['explanation']}"

    assert page.evaluate(_INJECTED) == {"pwned": None, "elements": 0}
    assert problems.messages == []

