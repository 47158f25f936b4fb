"""The OpenAI chat-completions answer, as far as the writer reads it, decoded strictly by msgspec."""

import msgspec


class ChatMessage(msgspec.Struct):
    """The assistant's message: its text (None when it refused or said nothing) and an explicit refusal."""

    content: str | None = None
    refusal: str | None = None


class ChatChoice(msgspec.Struct):
    """One completion; `finish_reason` is "stop", "length" (cut at the token limit), "content_filter", …"""

    message: ChatMessage
    finish_reason: str | None = None


class ChatUsage(msgspec.Struct):
    """The tokens the server counted for the request and the answer."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


class ChatCompletion(msgspec.Struct):
    """The answer body of `POST /chat/completions` (unknown fields ignored; at least one choice)."""

    choices: list[ChatChoice]
    model: str = ""
    usage: ChatUsage | None = None


def decode_completion(body: bytes) -> ChatCompletion:
    """The completion in `body`; msgspec.ValidationError/DecodeError when it is not one (or has no choice)."""
    completion = msgspec.json.decode(body, type=ChatCompletion)
    if not completion.choices:
        raise msgspec.ValidationError("the completion has no choices")
    return completion
