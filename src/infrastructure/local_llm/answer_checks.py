"""What a chat completion says before its text is read: cut at the token limit, refused, or empty."""

import re

from application.errors import UpstreamError
from infrastructure.local_llm.chat_wire import ChatCompletion

_REFUSING = re.compile(r"^\W*(?:i'?m sorry|i am sorry|sorry|i can(?:no|')t|i cannot|i won'?t|i will not|"
                       r"i'?m (?:not able|unable)|as an ai)\b", re.IGNORECASE)


def answer_text(completion: ChatCompletion, model: str, max_tokens: int) -> str:
    """The first choice's text; UpstreamError `output_truncated` when the answer was cut at the token limit,
    `model_refused` when the model refused (an explicit refusal, a content filter, an empty answer or prose that
    declines) — neither is retried, as the same request would fare the same."""
    choice = completion.choices[0]
    if choice.finish_reason == "length":
        raise UpstreamError("output_truncated", f"{model} stopped at the token limit before the lesson was complete; "
                            f"raise LESSONSMITH_LOCAL_LLM_MAX_TOKENS (now {max_tokens}) or the server's context size",
                            retryable=False)
    refusal = (choice.message.refusal or "").strip()
    if refusal:
        raise UpstreamError("model_refused", f"{model} refused: {refusal[:200]}", retryable=False)
    if choice.finish_reason == "content_filter":
        raise UpstreamError("model_refused", f"{model}'s answer was stopped by a content filter", retryable=False)
    text = (choice.message.content or "").strip()
    if not text:
        raise UpstreamError("model_refused", f"{model} gave an empty answer", retryable=False)
    if not text.startswith("{") and _REFUSING.search(text):
        raise UpstreamError("model_refused", f"{model} declined: {text[:200]}", retryable=False)
    return text
