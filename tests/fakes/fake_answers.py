"""The bodies the Vertex AI fake answers with: lessons built from the request's own data, speech, images,
embeddings, safety blocks."""

import base64
import hashlib
import io
import json
import math
import re
from typing import Any

from PIL import Image

DATA = re.compile(r"<<<LESSON_DATA_JSON\n(.*)\nLESSON_DATA_JSON>>>", re.DOTALL)
SPEECH_RATE = 24_000
SPEECH_MS_PER_WORD = 40  # short audio keeps the tests light; the narrator reads the rate from the MIME type


def usage(prompt: str, answer: str) -> dict[str, int]:
    """Token counts as Vertex reports them (about four characters a token)."""
    prompt_tokens, answer_tokens = max(1, len(prompt) // 4), max(1, len(answer) // 4)
    return {"promptTokenCount": prompt_tokens, "candidatesTokenCount": answer_tokens,
            "totalTokenCount": prompt_tokens + answer_tokens}


def request_text(body: dict[str, Any]) -> str:
    """All the text parts of the request's contents."""
    return "\n".join(part.get("text", "") for content in body.get("contents", []) for part in content.get("parts", []))


def _first_sentences(text: str, count: int) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text.strip())[:count])


def _cloze(sentence: str) -> dict[str, Any]:
    """A fill-in-the-blank item on `sentence`: its longest word is the answer, so the lesson contains it."""
    answer = max(re.findall(r"[A-Za-z]{4,}", sentence), key=len)
    question = re.sub(rf"\b{answer}\b", "____", sentence, count=1)
    return {"question": f"Fill in the blank: {question}"[:300], "choices": [answer, "nothing"], "answer": answer,
            "explanation": sentence}


def lesson_document(data: dict[str, Any]) -> dict[str, Any]:
    """A lesson in the response schema that cites only the passages the request carried."""
    passages = data["passages"][:3]
    topic = data.get("topic") or "the topic"
    sections = [{"heading": p["title"][:200], "body": _first_sentences(p["text"], 2), "citations": [p["id"]]}
                for p in passages]
    quiz = [_cloze(_first_sentences(p["text"], 1)) for p in passages]
    while len(quiz) < 3:
        quiz.append({**quiz[0], "question": f"{quiz[0]['question']} ({len(quiz) + 1})"})
    hook = f"Imagine {data['interest']} and {topic}." if data.get("interest") else f"Let us explore {topic}."
    narration = "\n\n".join([f"{topic.title()}.", hook, *(s["body"] for s in sections)])
    return {"title": topic.title()[:200], "hook": hook, "sections": sections,
            "worked_example": _first_sentences(passages[0]["text"], 1), "quiz": quiz,
            "summary": _first_sentences(passages[-1]["text"], 1), "narration": narration,
            "slides": [{"title": s["heading"], "bullets": [s["body"][:200]]} for s in sections]}


def text_answer(body: dict[str, Any], text: str, finish: str = "STOP") -> dict[str, Any]:
    """A generateContent answer holding `text`."""
    return {"candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": finish}],
            "usageMetadata": usage(request_text(body), text), "modelVersion": "fake"}


def lesson_answer(body: dict[str, Any]) -> dict[str, Any]:
    """The lesson for the data block of the request."""
    found = DATA.search(request_text(body))
    if found is None:
        return text_answer(body, "{}")
    return text_answer(body, json.dumps(lesson_document(json.loads(found.group(1)))))


def speech_answer(body: dict[str, Any]) -> dict[str, Any]:
    """16-bit PCM at 24 kHz, a soft tone as long as the words take to say."""
    words = len(request_text(body).split())
    samples = SPEECH_RATE * SPEECH_MS_PER_WORD * words // 1000
    pcm = b"".join(int(3000 * math.sin(i / 9)).to_bytes(2, "little", signed=True) for i in range(samples))
    mime = f"audio/L16;codec=pcm;rate={SPEECH_RATE}"
    part = {"inlineData": {"mimeType": mime, "data": base64.b64encode(pcm).decode()}}
    return {"candidates": [{"content": {"role": "model", "parts": [part]}, "finishReason": "STOP"}],
            "usageMetadata": usage(request_text(body), "x" * (words * 25))}


def image_answer(body: dict[str, Any]) -> dict[str, Any]:
    """A small PNG whose colour comes from the prompt."""
    digest = hashlib.sha256(request_text(body).encode()).digest()
    out = io.BytesIO()
    Image.new("RGB", (64, 36), (digest[0], digest[1], digest[2])).save(out, format="PNG")
    part = {"inlineData": {"mimeType": "image/png", "data": base64.b64encode(out.getvalue()).decode()}}
    return {"candidates": [{"content": {"role": "model", "parts": [part]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 1290, "totalTokenCount": 1340}}


def embedding_answer(body: dict[str, Any]) -> dict[str, Any]:
    """A deterministic vector per instance, as long as asked for."""
    dimension = int(body.get("parameters", {}).get("outputDimensionality", 768))
    predictions, characters = [], 0
    for instance in body.get("instances", []):
        content = instance["content"]
        characters += len(content)
        seed = hashlib.sha256(f"{instance.get('task_type')}:{content}".encode()).digest()
        values = [((seed[i % 32] + i) % 17 - 8) / 8 for i in range(dimension)]
        predictions.append({"embeddings": {"values": values, "statistics": {"token_count": len(content) // 4,
                                                                             "truncated": False}}})
    return {"predictions": predictions, "metadata": {"billableCharacterCount": characters}}


def blocked_prompt() -> dict[str, Any]:
    """The prompt itself was blocked."""
    rating = {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH", "blocked": True}
    return {"promptFeedback": {"blockReason": "SAFETY", "safetyRatings": [rating]},
            "usageMetadata": {"promptTokenCount": 20, "totalTokenCount": 20}}


def blocked_answer() -> dict[str, Any]:
    """The answer was stopped for safety."""
    rating = {"category": "HARM_CATEGORY_HARASSMENT", "probability": "MEDIUM", "blocked": True}
    return {"candidates": [{"finishReason": "SAFETY", "safetyRatings": [rating]}],
            "usageMetadata": {"promptTokenCount": 20, "candidatesTokenCount": 0, "totalTokenCount": 20}}
