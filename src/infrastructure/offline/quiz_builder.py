"""Builds fill-in-the-blank quiz items from the sentences of a lesson's sections."""

import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from application.errors import StageFailed
from domain.lesson_script import QuizItem
from infrastructure.offline.section_planner import SectionDraft
from infrastructure.offline.text_terms import STOP_WORDS, stem, tokenize

BLANK = "_____"
MIN_ITEMS, MAX_ITEMS = 3, 5
_FALLBACK_DISTRACTORS = ("energy", "pattern", "system", "evidence", "change", "structure")
_CANDIDATE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{4,}")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _mentions(text: str, term: str) -> re.Match[str] | None:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags=re.IGNORECASE)


def passage_terms(draft: SectionDraft, keywords: Mapping[str, Sequence[str]]) -> list[str]:
    """Key terms of a section's passage: its keywords, topic and title words, longest first."""
    topic = re.sub(r"^(?:the|a|an) ", "", draft.passage.topic.lower())
    title_words = [w for w in tokenize(draft.passage.title) if w not in STOP_WORDS and len(w) > 3]
    found = dict.fromkeys([*keywords.get(draft.passage.id, ()), topic, *title_words])
    return sorted((t for t in found if t and any(c.isalpha() for c in t)), key=lambda t: (-len(t), t))


def _content_words(sentence: str) -> list[str]:
    words = [w for w in _CANDIDATE_WORD.findall(sentence) if w.lower() not in STOP_WORDS]
    return sorted(dict.fromkeys(words), key=lambda w: (-len(w), sentence.find(w)))


def _answers_for(sentence: str, terms: Sequence[str], any_word: bool) -> list[str]:
    """Candidate answers in `sentence`, exactly as written there: key terms first, then (with
    `any_word`) its longest content words."""
    found: list[str] = []
    for term in (*terms, *(_content_words(sentence) if any_word else ())):
        match = _mentions(sentence, term)
        if match and len(sentence.split()) - len(term.split()) >= 3 and match.group(0) not in found:
            found.append(match.group(0))
    return found


def display_form(term: str, texts: Sequence[str]) -> str:
    """`term` as the passages write it: capitalised mid-sentence (or with capitals inside, as in "World War I")
    means a proper noun, else lower case."""
    for text in texts:
        for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags=re.IGNORECASE):
            before = text[: match.start()].rstrip()
            at_start = not before or before[-1] in ".!?:'\""
            inner_capitals = any(c.isupper() for c in match.group(0)[1:])
            if (not at_start or inner_capitals) and match.group(0) != match.group(0).lower():
                return match.group(0)
    return term


@lru_cache(maxsize=16384)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in tokenize(text))


def _same_stem(first: str, second: str) -> bool:
    return _stems(first) == _stems(second)


def _distractors(answer: str, sentence: str, pool: Sequence[str]) -> list[str]:
    sentence_stems = {stem(w) for w in tokenize(sentence)}

    def overlaps(first: str, second: str) -> bool:
        return first.lower() in second.lower() or second.lower() in first.lower() or _same_stem(first, second)

    def usable(term: str, taken: Sequence[str]) -> bool:
        echoes = set(_stems(term)) <= sentence_stems
        return not (echoes or overlaps(term, answer) or any(overlaps(term, t) for t in taken))

    candidates: list[str] = []
    for term in pool:
        if usable(term, candidates):
            candidates.append(term)
    width = len(answer.split())
    proper = answer[:1].isupper()
    chosen = sorted(candidates, key=lambda t: (len(t.split()) != width, t[:1].isupper() != proper,
                                               _digest(answer, t)))[:3]
    for term in _FALLBACK_DISTRACTORS:
        if len(chosen) < 3 and usable(term, chosen):
            chosen.append(term)
    if answer[:1].isupper():
        chosen = [t[:1].upper() + t[1:] for t in chosen]
    return chosen


def _item(sentence: str, answer: str, pool: Sequence[str]) -> QuizItem:
    cloze = re.sub(rf"(?<![\w-]){re.escape(answer)}(?![\w-])", BLANK, sentence, flags=re.IGNORECASE)
    choices = sorted([answer, *_distractors(answer, sentence, pool)], key=lambda c: _digest(sentence, c))
    return QuizItem(question=f"Fill in the blank: {cloze}", choices=tuple(choices), answer=answer,
                    explanation=sentence)


def build_quiz(drafts: Sequence[SectionDraft], keywords: Mapping[str, Sequence[str]]) -> tuple[QuizItem, ...]:
    """Three to five cloze items, spread over the sections; every answer is a term written in a
    section body and is one of its choices; the explanation is the source sentence."""
    terms_by_draft = [passage_terms(d, keywords) for d in drafts]
    texts = list(dict.fromkeys(d.passage.text for d in drafts))
    pool = list(dict.fromkeys(display_form(t, texts) for terms in terms_by_draft for t in terms))
    target = MAX_ITEMS if len(drafts) > MIN_ITEMS else MIN_ITEMS + 1
    rounds = max((len(d.sentences) for d in drafts), default=0)
    order = [(d, i, terms) for i in range(rounds) for d, terms in zip(drafts, terms_by_draft, strict=True)
             if i < len(d.sentences)]
    items: list[QuizItem] = []
    used_answers: set[str] = set()
    used_sentences: set[str] = set()
    for allow_reuse, any_word in ((False, False), (False, True), (True, True)):
        for draft, index, terms in order:
            sentence = draft.sentences[index]
            if len(items) >= target or (sentence in used_sentences and not allow_reuse):
                continue
            fresh = [a for a in _answers_for(sentence, terms, any_word) if a.lower() not in used_answers]
            if fresh:
                items.append(_item(sentence, fresh[0], pool))
                used_answers.add(fresh[0].lower())
                used_sentences.add(sentence)
    if len(items) < MIN_ITEMS:
        raise StageFailed("thin_material", "the passages are too short to build a quiz", retryable=False)
    return tuple(items)
