"""The studio end to end in headless Chromium against `lessonsmith serve` on the embedded default: sign in,
request a text + audio + video lesson, watch it, read it, play it, answer the quiz, screenshot it."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.corpus_support import seed_home
from tests.e2e.studio.conftest import PageProblems, save_screenshot
from tests.e2e.studio.servers import ServeProcess
from tests.e2e.studio.studio_page import StudioPage

pytestmark = pytest.mark.req("RDS-056")

QUERY = "How do plants make food?"
DURATION = re.compile(r"^(\d+ ms|\d+\.\d s)$")
_UNLABELLED_CONTROLS = """() => [...document.querySelectorAll("input, select, textarea, button, audio, video")]
  .filter((c) => c.checkVisibility())
  .filter((c) => !(c.labels?.length || c.getAttribute("aria-labelledby") || c.getAttribute("aria-label")
                  || (c.tagName === "BUTTON" && c.textContent.trim())))
  .map((c) => c.outerHTML.slice(0, 80))"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, corpus_database: Path) -> Iterator[ServeProcess]:
    home = tmp_path_factory.mktemp("studio-home")
    seed_home(home / "var", corpus_database)  # the corpus is indexed already: start-up only checks it
    server = ServeProcess(home)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _lesson_document(served: ServeProcess, lesson_id: str) -> dict[str, Any]:
    with httpx.Client(base_url=served.base_url, timeout=10) as client:
        login = client.post("/api/v1/auth/token",
                            json={"username": "demo-student", "password": served.password("demo-student")})
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        document: dict[str, Any] = client.get(f"/api/v1/lessons/{lesson_id}", headers=headers).json()
        return document


def _check_stages_and_cost(page: Page, lesson: dict[str, Any]) -> None:
    rows = page.locator("#stages tbody tr")
    expect(rows).to_have_count(len(lesson["stages"]))
    for stage in lesson["stages"]:
        row = page.locator(f'#stages tr[data-stage="{stage["name"]}"]')
        expect(row).to_have_attribute("data-status", "completed")
        cells = row.locator("td")
        assert DURATION.match(cells.nth(1).inner_text()), cells.nth(1).inner_text()
        expect(cells.nth(2)).to_have_text(f"${stage['cost_usd']}")
    expect(page.locator("#cost-spent")).to_have_text(f"${lesson['cost']['total_usd']}")
    expect(page.locator("#cost-saved")).to_have_text(f"${lesson['cost']['saved_usd']}")
    expect(page.locator("#cost-estimated")).to_have_text(f"${lesson['cost']['estimated_usd']}")
    spent_or_saved = [x for x in lesson["cost"]["lines"] if x["kind"] != "estimate"]
    expect(page.locator("#cost-lines tr")).to_have_count(len(spent_or_saved))


def _check_text_and_citations(page: Page, lesson: dict[str, Any]) -> None:
    content = lesson["lesson"]
    expect(page.locator("#lesson-title")).to_have_text(content["title"])
    expect(page.locator("#sections h3")).to_have_text([s["heading"] for s in content["sections"]])
    expect(page.locator("#summary")).to_have_text(content["summary"])
    first = page.locator(".citation").first
    cited = next(s for s in content["sources"] if s["id"] == content["sections"][0]["citations"][0])
    passage = page.locator(f"#{first.get_attribute('aria-controls')}")
    expect(passage).to_be_hidden()
    first.focus()
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("aria-expanded", "true")
    expect(passage).to_be_visible()
    expect(passage.locator("p")).to_have_text(cited["text"])


def _answer_quiz(studio: StudioPage, quiz: list[dict[str, Any]]) -> None:
    chosen = [i for i, item in enumerate(quiz) if item["kind"] == "multiple_choice"]
    first = quiz[chosen[0]]
    wrong = next(c for c in first["choices"] if c != first["answer"])
    assert studio.answer(chosen[0], wrong).startswith(f"Not quite. The answer is “{first['answer']}”.")
    for index in chosen[1:]:
        assert studio.answer(index, quiz[index]["answer"]) == f"Correct! {quiz[index]['explanation']}"
    for index, item in enumerate(quiz):
        if item["kind"] != "multiple_choice":  # answered in the student's own words, then checked against a model
            assert studio.reveal(index).startswith(f"A good answer: {item['answer']}")
    expect(studio.page.locator("#quiz-score")).to_have_text(
        f"Score: {len(chosen) - 1} of {len(chosen)} correct ({len(chosen)} answered).")


def _play_audio(studio: StudioPage) -> None:
    studio.media("audio", "m.play()")
    studio.wait_until("document.getElementById('audio').currentTime > 0.5")
    assert studio.media("audio", "m.played.length") > 0
    studio.media("audio", "m.pause()")


def _play_video_with_captions(studio: StudioPage) -> str:
    assert studio.media("video", "[...m.querySelectorAll('track')].map(t => [t.kind, t.default])") == [
        ["captions", True]]
    studio.wait_until("document.getElementById('video').textTracks[0].cues?.length > 0")
    studio.media("video", "m.play()")
    studio.wait_until("document.getElementById('video').currentTime > 1.5")
    studio.media("video", "m.pause()")
    studio.wait_until("document.getElementById('video').textTracks[0].activeCues?.length > 0")
    assert studio.media("video", "m.textTracks[0].mode") == "showing"
    cue: str = studio.media("video", "m.textTracks[0].activeCues[0].text")
    return cue


def test_a_student_requests_watches_plays_and_answers_a_lesson(
    served: ServeProcess, page: Page, problems: PageProblems
) -> None:
    studio = StudioPage(page, problems)
    studio.sign_in_with_keyboard(served.studio_url, "demo-student", served.password("demo-student"))
    studio.request_lesson(QUERY, grade=4, interest="soccer", modalities={"text", "audio", "video"})
    assert studio.wait_until_finished() == "completed"

    lesson_id = page.locator("#history button.history-open").first.get_attribute("data-lesson-id")
    assert lesson_id
    lesson = _lesson_document(served, lesson_id)
    assert lesson["status"] == "completed" and lesson["requested_modalities"] == ["text", "audio", "video"]
    said = studio.announcements()
    assert "Lesson requested." in said and any(s.startswith("Working: ") for s in said), said
    expect(page.get_by_role("status")).to_have_text(f"Your lesson “{lesson['lesson']['title']}” is ready.")
    expect(page).to_have_title(f"{lesson['lesson']['title']} – Lessonsmith studio")

    _check_stages_and_cost(page, lesson)
    _check_text_and_citations(page, lesson)
    _answer_quiz(studio, lesson["lesson"]["quiz"])
    _play_audio(studio)
    cue = _play_video_with_captions(studio)
    assert cue.strip() and cue.split()[0] in lesson["lesson"]["narration"]
    slides = page.locator("#slides img")
    expect(slides).to_have_count(len(lesson["lesson"]["slides"]))
    studio.wait_until("[...document.querySelectorAll('#slides img')].every(i => i.naturalWidth === 1280)")
    expect(page.locator(f'#history button[data-lesson-id="{lesson_id}"]')).to_have_text(lesson["lesson"]["title"])
    assert page.evaluate(_UNLABELLED_CONTROLS) == []

    shot = save_screenshot(page, "studio-finished.png")
    assert shot.stat().st_size > 50_000
    assert problems.messages == []


def test_the_serve_command_prints_the_studio_address(served: ServeProcess) -> None:
    assert served.studio_url == f"http://127.0.0.1:{served.port}/studio"
    assert Path(served.home / "var" / "lessonsmith.db").exists()


def test_wrong_password_bad_fields_cancelling_a_refusal_and_sign_out_are_explained_on_the_page(
    served: ServeProcess, page: Page, problems: PageProblems
) -> None:
    page.goto(served.studio_url)
    page.get_by_label("Username").fill("demo-student")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong username or password.")
    expect(page.get_by_label("Username")).to_be_visible()

    StudioPage(page, problems).sign_in_with_keyboard(served.studio_url, "demo-student", served.password("demo-student"))
    page.get_by_label("Your question").fill("How do magnets work?")
    page.get_by_label("Interest").fill("<script>")
    page.get_by_role("button", name="Create lesson").click()
    interest = page.get_by_label("Interest")
    expect(interest).to_have_attribute("aria-invalid", "true")
    expect(interest).to_be_focused()
    expect(page.locator("#interest-error")).to_have_text("Use letters, numbers and ordinary punctuation here.")
    expect(page.get_by_role("alert")).to_have_text("The request is not valid.")

    interest.fill("magnets")
    page.get_by_role("checkbox", name="Video", exact=True).check()
    page.get_by_role("button", name="Create lesson").click()
    expect(interest).not_to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Cancel lesson").click()
    expect(page.locator("#lesson-state")).to_have_attribute("data-status", "cancelled", timeout=60_000)
    expect(page.get_by_role("alert")).to_have_text("The lesson was cancelled.")
    expect(page.get_by_role("button", name="Cancel lesson")).to_be_hidden()

    page.get_by_label("Your question").fill("How do I make a bomb at home?")
    page.get_by_role("button", name="Create lesson").click()
    expect(page.locator("#lesson-state")).to_have_attribute("data-status", "rejected", timeout=60_000)
    expect(page.get_by_role("alert")).to_contain_text("The lesson was declined: ")
    expect(page.locator("#lesson")).to_be_hidden()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("Username")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("Signed out.")
    expect(page.locator("#workspace")).to_be_hidden()
    # The browser logs every non-2xx answer: the wrong password, the bad field, and a cancel that met a worker's
    # save (409 conflict, which the page repeats). Nothing else may have gone wrong.
    statuses = [re.fullmatch(r"console: Failed to load resource: the server responded with a status of (\d+) .*", m)
                for m in problems.messages]
    assert all(statuses), problems.messages
    assert [int(s.group(1)) for s in statuses if s and s.group(1) != "409"] == [401, 400]
