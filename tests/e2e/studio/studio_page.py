"""A page object for the studio: what a person does on the page, so test bodies read as the story."""

import time
from typing import Any

from playwright.sync_api import Locator, Page, expect

FINISHED_TIMEOUT_MS = 180_000
_RECORD_ANNOUNCEMENTS = """() => {
  const status = document.getElementById("status");
  window.__said = [];
  new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
}"""


class StudioPage:
    """The studio as seen by one person in one browser page."""

    def __init__(self, page: Page) -> None:
        self.page = page

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
        """Wait for the lesson to reach a final state and its media to be shown; returns the final status."""
        self.page.wait_for_selector('#lesson-state[data-status="completed"], #lesson-state[data-status="failed"], '
                                    '#lesson-state[data-status="rejected"]', timeout=FINISHED_TIMEOUT_MS)
        status = str(self.page.locator("#lesson-state").get_attribute("data-status"))
        if status == "completed":
            self.page.wait_for_selector('#media-panel[data-ready="true"]', timeout=FINISHED_TIMEOUT_MS)
        return status

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
        return self.page.evaluate(f"() => {{ const m = document.getElementById({element_id!r}); return {expression}; }}")
