"""Lesson text is data: HTML and script in it are shown as literal text in the studio, never parsed or run."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from playwright.sync_api import Page, expect

from application.use_cases.create_user import CreateUserCommand
from domain.user import Role
from infrastructure.container.application import ApplicationContainer, build_container
from presentation.http.app import create_app
from tests.e2e.conftest import FAST_HASHER, PASSWORD, embedded_settings
from tests.e2e.studio.conftest import PageProblems
from tests.e2e.studio.hostile_writer import PAYLOADS, HostileScriptWriter
from tests.e2e.studio.servers import ThreadedApp
from tests.e2e.studio.studio_page import StudioPage

QUERY = 'How do plants make food? <b data-pwned="query">bold?</b>'
_INJECTED = """() => ({
  pwned: window.__pwned ?? null,
  elements: document.querySelectorAll(
    '[data-pwned], img[src="x"], body script:not([src]), a[href^="javascript"]').length,
})"""


@pytest.fixture
def hostile_app(tmp_path: Path) -> Iterator[ThreadedApp]:
    container = build_container(embedded_settings(tmp_path))
    container.gateways.hasher.override(FAST_HASHER)
    container.generators.script_writer.override(
        providers.Singleton(HostileScriptWriter, container.generators.script_writer()))

    async def create_student(started: ApplicationContainer) -> None:
        await started.use_cases.create_user().execute(
            CreateUserCommand(username="mallory", role=Role.STUDENT, password=PASSWORD))

    with ThreadedApp(create_app(container, on_started=create_student)) as running:
        yield running


def _lesson(app: ThreadedApp) -> dict[str, Any]:
    with httpx.Client(base_url=app.base_url, timeout=10) as client:
        token = client.post("/api/v1/auth/token", json={"username": "mallory", "password": PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        newest = client.get("/api/v1/lessons", headers=headers).json()["items"][0]
        lesson: dict[str, Any] = client.get(newest["status_url"], headers=headers).json()
        return lesson


def test_html_and_script_in_a_lesson_are_shown_as_text(
    hostile_app: ThreadedApp, page: Page, problems: PageProblems
) -> None:
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(f"{hostile_app.base_url}/studio", "mallory", PASSWORD)
    studio.request_lesson(QUERY, grade=4, interest="soccer", modalities={"text", "image"})
    assert studio.wait_until_finished() == "completed"
    content = _lesson(hostile_app)["lesson"]
    assert PAYLOADS[0] in content["title"] and any(p in content["sections"][0]["body"] for p in PAYLOADS)

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


def test_a_lesson_from_the_history_opens_again_with_what_its_skipped_stages_saved(
    hostile_app: ThreadedApp, page: Page, problems: PageProblems
) -> None:
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(f"{hostile_app.base_url}/studio", "mallory", PASSWORD)
    studio.request_lesson("What is the water cycle?", grade=3, interest="", modalities={"text"})
    assert studio.wait_until_finished() == "completed"
    lesson = _lesson(hostile_app)
    page.reload()
    studio.sign_in_with_keyboard(f"{hostile_app.base_url}/studio", "mallory", PASSWORD)
    expect(page.locator("#lesson")).to_be_hidden()
    page.locator(f'#history button[data-lesson-id="{lesson["id"]}"]').click()
    assert studio.wait_until_finished() == "completed"
    expect(page.locator("#lesson-title")).to_have_text(lesson["lesson"]["title"])
    saved = [x for x in lesson["cost"]["lines"] if x["kind"] == "saved"]
    assert saved and lesson["cost"]["saved_usd"] != "0"
    expect(page.locator("#cost-saved")).to_have_text(f"${lesson['cost']['saved_usd']}")
    expect(page.locator("#cost-lines tr.saved")).to_have_count(len(saved))
    expect(page.locator("#stages tr[data-status=skipped]")).to_have_count(3)
    expect(page.locator("#media-panel")).to_be_visible()
    expect(page.locator("#audio-block, #video-block, #slides-block")).to_have_count(3)
    for block in ("#audio-block", "#video-block", "#slides-block"):
        expect(page.locator(block)).to_be_hidden()
    assert problems.messages == []
