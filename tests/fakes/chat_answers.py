"""The bodies the OpenAI chat-completions fake answers with: a lesson built from the request's own teaching units
(so it is grounded), and the broken, truncated and refusing answers a real server can give."""

import json
import re
from collections.abc import Callable
from typing import Any

DATA = re.compile(r"<<<LESSON_DATA_JSON\n(.*)\nLESSON_DATA_JSON>>>", re.DOTALL)


def request_data(body: dict[str, Any]) -> dict[str, Any]:
    """The data block of the request's user message (empty when there is none)."""
    text = "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")
    found = DATA.search(text)
    return json.loads(found.group(1)) if found else {}


def _first_sentences(text: str, count: int) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text.strip())[:count])


def _quiz(unit: dict[str, Any], topic: str) -> list[dict[str, Any]]:
    """One item of each kind the unit allows: multiple choice and matching on its key terms, ordering on its
    example's steps, short answer on its direct answer."""
    terms = unit["key_terms"][:4]
    steps = unit["worked_example"]["steps"]
    items = [{"kind": "short_answer", "question": f"Explain {topic} in your own words.", "choices": [],
              "answer": unit["direct_answer"], "explanation": "A good answer gives the same reason."}]
    if len(terms) >= 2:
        definitions = [t["definition"] for t in terms]
        items.append({"kind": "multiple_choice", "question": f"What does {terms[0]['term']} mean?",
                      "choices": definitions[::-1], "answer": definitions[0],
                      "explanation": f"{terms[0]['term']}: {definitions[0]}"})
        items.append({"kind": "matching", "question": "Match each word to its meaning.",
                      "choices": definitions[::-1],
                      "answer": "; ".join(f"{t['term']} → {t['definition']}" for t in terms),
                      "explanation": "Each word goes with one meaning."})
    if len(steps) >= 2:
        items.append({"kind": "ordering", "question": "Put the steps of the example in order.",
                      "choices": steps[::-1], "answer": " → ".join(steps),
                      "explanation": "This is the order of the worked example."})
    while len(items) < 3:
        items.append({**items[0], "question": f"{items[0]['question']} ({len(items) + 1})"})
    return items


def lesson_document(data: dict[str, Any]) -> dict[str, Any]:
    """A lesson in the response schema from the first passage that carries a teaching unit."""
    passage = next(p for p in data["passages"] if "unit" in p)
    unit, cite = passage["unit"], [passage["id"]]
    topic = data.get("topic") or "the topic"
    sections = [{"heading": "The short answer", "body": unit["direct_answer"], "citations": cite},
                *({"heading": b["heading"], "body": b["text"], "citations": cite} for b in unit["explanation_blocks"]),
                {"heading": "Key words", "citations": cite,
                 "body": " ".join(f"{t['term'][:1].upper()}{t['term'][1:]}: {t['definition'].rstrip('.')}."
                                  for t in unit["key_terms"])},
                *({"heading": "Check a common mix-up", "body": m["correction"], "citations": cite}
                  for m in unit["misconceptions"][:1])]
    example = unit["worked_example"]
    steps = " ".join(example["steps"])  # the unit's own sentences, so the check stage finds them supported
    hook = f"Imagine {data['interest']} and {topic}." if data.get("interest") else f"Let us explore {topic}."
    return {"title": passage["title"], "hook": hook, "sections": sections[:8],
            "worked_example": f"Example: {example['problem']} {steps} Answer: {example['answer']}",
            "quiz": _quiz(unit, topic)[:6], "summary": _first_sentences(unit["direct_answer"], 2)}


def completion(body: dict[str, Any], content: str | None, finish: str = "stop",
               refusal: str | None = None) -> dict[str, Any]:
    """A chat completion holding `content`, with token counts of about four characters a token."""
    prompt = sum(len(str(m.get("content") or "")) for m in body.get("messages", []))
    message = {"role": "assistant", "content": content, "refusal": refusal}
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": max(1, prompt // 4), "completion_tokens": len(content or "") // 4,
                      "total_tokens": max(1, prompt // 4) + len(content or "") // 4}}


def answer_for(body: dict[str, Any], fault: str | None) -> dict[str, Any]:
    """The completion for a content-level fault (or a good lesson when `fault` is None)."""
    lesson = lesson_document(request_data(body))
    if fault == "unknown_citation":
        lesson["sections"][0]["citations"] = ["made-up-passage"]
    good = json.dumps(lesson)
    answers: dict[str | None, Callable[[], dict[str, Any]]] = {
        None: lambda: completion(body, good), "unknown_citation": lambda: completion(body, good),
        "malformed_json": lambda: completion(body, '{"title": "Plants", "hook": "Imagine'),
        "wrong_shape": lambda: completion(body, json.dumps({"title": "only a title"})),
        "truncated": lambda: completion(body, good[:300], finish="length"),
        "refusal": lambda: completion(body, None, refusal="I can't help with that request."),
        "refusal_text": lambda: completion(body, "I'm sorry, but I can't help with that."),
        "empty": lambda: completion(body, ""),
    }
    return answers[fault]()
