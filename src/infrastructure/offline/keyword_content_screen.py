"""A rule-based ContentScreen: word-boundary patterns per category, with an allow-list of school phrases."""

import re
import unicodedata

from application.ports.content_screen import ContentScreen, ScreenVerdict
from infrastructure.offline.screen_rules import ALLOW_PHRASES, REASONS, RULES, ScreenRule

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})
_ALLOWED = ScreenVerdict(allowed=True)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_MIXED_TOKEN = re.compile(r"(?<!\S)(?=\S*[a-z])(?=\S*[0-9@$!])[a-z0-9@$!]+(?=[\s.,?]|$)")
_SPACED_LETTERS = re.compile(r"\b[a-z]([ .*_-])(?:[a-z]\1)+[a-z]\b")
_SEPARATED_WORD = re.compile(r"\b([a-z]{2,})[.*_-]+(?=[a-z])")


def normalise_for_screening(text: str) -> str:
    """Compatibility-folded, lower-cased text with invisible characters dropped and whitespace folded."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(_INVISIBLE.sub("", folded).lower().split())


def deobfuscate(text: str) -> str:
    """Normalised text with common disguises undone: digits and symbols standing for letters inside words
    ("b0mb"), letters spaced out ("k i l l") and words broken by dots or stars ("ign.ore")."""
    text = _MIXED_TOKEN.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .*_-]", "", m.group(0)), text)
    return _SEPARATED_WORD.sub(r"\1", text)


class KeywordContentScreen(ContentScreen):
    """Refuses violence and weapons-making, self-harm, sexual content, drugs and alcohol, requests for
    people's private data, prompt injection and hate; school phrases that only sound risky
    ("shooting stars", "the civil war", "cell division") are allowed. Never raises."""

    def __init__(
        self,
        rules: tuple[ScreenRule, ...] = RULES,
        allow_phrases: tuple[re.Pattern[str], ...] = ALLOW_PHRASES,
        reasons: dict[str, str] = REASONS,
    ) -> None:
        self._rules = rules
        self._allow = allow_phrases
        self._reasons = reasons

    def verdict(self, text: str) -> ScreenVerdict:
        """The verdict on any text (as written and with disguises undone): the first matching category,
        or allowed."""
        normal = normalise_for_screening(text)
        for variant in dict.fromkeys((normal, deobfuscate(normal))):
            masked = variant
            for phrase in self._allow:
                masked = phrase.sub(" \u00b7 ", masked)
            for rule in self._rules:
                if rule.pattern.search(masked):
                    reason = self._reasons.get(rule.category, "This question can't be answered here.")
                    return ScreenVerdict(allowed=False, category=rule.category, reason=reason)
        return _ALLOWED

    async def screen_request(self, text: str) -> ScreenVerdict:
        """Verdict on a student's question; the question is only ever matched, never followed."""
        return self.verdict(text)

    async def screen_output(self, text: str) -> ScreenVerdict:
        """Verdict on lesson text, with the same rules as questions."""
        return self.verdict(text)
