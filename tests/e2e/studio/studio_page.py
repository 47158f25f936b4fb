"""A page object for the studio: what a person does on the page, so test bodies read as the story."""

import time
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.e2e.studio.conftest import PageProblems

FINISHED_TIMEOUT_S = 120.0
_FINISHED = """() => [document.getElementById("lesson-state").dataset.status ?? null,
                       document.getElementById("media-panel").dataset.ready === "true"]"""
_RECORD_ANNOUNCEMENTS = """() => {
  const status = document.getElementById("status");
  window.__said = [];
  new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
}"""


class StudioPage:
    """The studio as seen by one person in one browser page."""

    def __init__(self, page: Page, problems: PageProblems) -> None:
        self.page = page
        self.problems = problems

    def sign_in_with_keyboard(self, url: str, username: str, password: str) -> None:
        """Open the page and sign in with the keyboard only: Tab past the skip link, type, Enter."""
        self.page.goto(url)
        self.page.keyboard.press("Tab")
        expect(self.page.get_by_role("link", name="Skip to content")).to_be_focused()
        self.page.keyboard.press("Tab")
        expect(self.page.get_by_label("Username")).to_be_focused()
        self.page.keyboard.type(username)
        self.page.keyboard.press("Tab")
        self.page.keyboard.type(password)
        self.page.keyboard.press("Enter")
        expect(self.page.get_by_role("status")).to_have_text(f"Signed in as {username}.")
        expect(self.page.get_by_label("Your question")).to_be_focused()
        self.page.evaluate(_RECORD_ANNOUNCEMENTS)

    def request_lesson(self, query: str, grade: int, interest: str, modalities: set[str]) -> None:
        """Fill the form and submit it."""
        self.page.get_by_label("Your question").fill(query)
        self.page.get_by_label("Grade").select_option(str(grade))
        self.page.get_by_label("Interest").fill(interest)
        for name, label in (("text", "Text"), ("audio", "Audio"), ("image", "Slides"), ("video", "Video")):
            self.page.get_by_role("checkbox", name=label, exact=True).set_checked(name in modalities)
        self.page.get_by_role("button", name="Create lesson").click()

    def wait_until_finished(self) -> str:
        """Wait for the lesson to reach a final state and, when completed, for its media to be shown; returns
        the final status. A script error in the page fails at once instead of waiting out the timeout."""
        deadline = time.monotonic() + FINISHED_TIMEOUT_S
        while True:
            status, media_ready = self.page.evaluate(_FINISHED)
            if status in ("failed", "rejected", "cancelled", "not_covered") or (status == "completed" and media_ready):
                return str(status)
            if self.problems.messages:
                raise AssertionError(f"the page reported errors: {self.problems.messages}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the lesson is still {status} after {FINISHED_TIMEOUT_S}s")
            time.sleep(0.2)

    def announcements(self) -> list[str]:
        """Every text the live status region took since sign-in."""
        said: list[str] = self.page.evaluate("window.__said")
        return said

    def quiz_item(self, index: int) -> Locator:
        """One quiz question's entry (fieldset, button and feedback)."""
        return self.page.locator(".quiz-entry").nth(index)

    def answer(self, index: int, choice: str) -> str:
        """Pick `choice` for question `index`, press its Check button, return the feedback shown."""
        entry = self.quiz_item(index)
        entry.get_by_label(choice, exact=True).check()
        entry.get_by_role("button", name="Check answer").click()
        feedback = entry.locator(".feedback")
        expect(feedback).not_to_be_empty()
        return feedback.inner_text()

    def reveal(self, index: int) -> str:
        """Press "Show a model answer" for question `index` (short answer, ordering, matching); the feedback."""
        entry = self.quiz_item(index)
        entry.get_by_role("button", name="Show a model answer").click()
        feedback = entry.locator(".feedback")
        expect(feedback).not_to_be_empty()
        return feedback.inner_text()

    def wait_until(self, expression: str, timeout_s: float = 15.0) -> None:
        """Poll a JavaScript expression until it is truthy (`page.wait_for_function` evaluates strings inside
        the page, which the studio's Content-Security-Policy rightly forbids; `evaluate` goes through CDP)."""
        deadline = time.monotonic() + timeout_s
        while not self.page.evaluate(f"() => Boolean({expression})"):
            if time.monotonic() > deadline:
                raise AssertionError(f"still false after {timeout_s}s: {expression}")
            time.sleep(0.1)

    def media(self, element_id: str, expression: str) -> Any:
        """Evaluate `expression` over the media element with this id (bound as `m`)."""
        script = f"() => {{ const m = document.getElementById({element_id!r}); return {expression}; }}"
        return self.page.evaluate(script)
