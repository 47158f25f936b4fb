"""The studio's session and history in headless Chromium against the app on the embedded default: reopening a
lesson, a token revoked elsewhere, and the page's small helpers (quiz answers given as letters, formats)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, Request, expect

from tests.e2e.conftest import PASSWORD
from tests.e2e.studio.conftest import STUDENT, PageProblems, studio_app
from tests.e2e.studio.servers import ThreadedApp
from tests.e2e.studio.studio_page import StudioPage

_HELPERS = """async () => {
  const { isCorrect } = await import("/studio/assets/js/quiz.js");
  const format = await import("/studio/assets/js/format.js");
  const item = { answer: "B", choices: ["the sun", "the rain", "the wind"] };
  return {
    letter: [isCorrect(item, "the sun"), isCorrect(item, "the rain")],
    text: isCorrect({ answer: "The Rain ", choices: ["the sun", "the rain"] }, "the rain"),
    usd: [format.usd("0.351181"), format.usd(null)],
    duration: [format.duration(850), format.duration(3249), format.duration(null)],
    grade: [format.gradeLabel(0), format.gradeLabel(7)],
    stage: format.stageLabel("render_video"),
  };
}"""


@pytest.fixture
def app(tmp_path: Path) -> Iterator[ThreadedApp]:
    with studio_app(tmp_path) as running:
        yield running


def _lesson(app: ThreadedApp) -> dict[str, Any]:
    with httpx.Client(base_url=app.base_url, timeout=10) as client:
        token = client.post("/api/v1/auth/token", json={"username": STUDENT, "password": PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        newest = client.get("/api/v1/lessons", headers=headers).json()["items"][0]
        lesson: dict[str, Any] = client.get(newest["status_url"], headers=headers).json()
        return lesson


@pytest.mark.req("RDS-056", "RDS-007")
def test_a_lesson_from_the_history_opens_again_with_what_its_skipped_stages_saved(
    app: ThreadedApp, page: Page, problems: PageProblems
) -> None:
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(f"{app.base_url}/studio", STUDENT, PASSWORD)
    studio.request_lesson("What is the water cycle?", grade=3, interest="", modalities={"text"})
    assert studio.wait_until_finished() == "completed"
    lesson = _lesson(app)
    page.reload()
    studio.sign_in_with_keyboard(f"{app.base_url}/studio", STUDENT, PASSWORD)
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


@pytest.mark.req("RDS-057", "RDS-050")
def test_a_token_revoked_elsewhere_sends_the_page_back_to_sign_in(
    app: ThreadedApp, page: Page, problems: PageProblems
) -> None:
    tokens: list[str] = []

    def remember_token(request: Request) -> None:
        if "authorization" in request.headers:
            tokens.append(request.headers["authorization"])

    page.on("request", remember_token)
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(f"{app.base_url}/studio", STUDENT, PASSWORD)
    expect(page.locator("#history li")).to_have_text("No lessons yet.")
    assert httpx.post(f"{app.base_url}/api/v1/auth/logout", headers={"Authorization": tokens[-1]}).status_code == 204

    page.get_by_label("Your question").fill("What is the water cycle?")
    page.get_by_role("button", name="Create lesson").click()
    expect(page.get_by_role("alert")).to_have_text("Your session has ended. Please sign in again.")
    expect(page.get_by_label("Username")).to_be_focused()
    expect(page.locator("#workspace")).to_be_hidden()
    studio.sign_in_with_keyboard(f"{app.base_url}/studio", STUDENT, PASSWORD)
    expect(page.locator("#workspace")).to_be_visible()
    assert problems.messages == [
        "console: Failed to load resource: the server responded with a status of 401 (Unauthorized)"]


@pytest.mark.req("RDS-056")
def test_the_quiz_accepts_answers_given_as_letters_and_amounts_stay_exact(app: ThreadedApp, page: Page) -> None:
    page.goto(f"{app.base_url}/studio")
    assert page.evaluate(_HELPERS) == {
        "letter": [False, True], "text": True, "usd": ["$0.351181", "$0"],
        "duration": ["850 ms", "3.2 s", "–"], "grade": ["Kindergarten", "Grade 7"], "stage": "Render video",
    }
