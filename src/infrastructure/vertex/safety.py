"""Safety settings sent with every request, and blocked answers turned into non-retryable failures."""

from google.genai import types

from application.errors import UpstreamError

TEXT_HARM_CATEGORIES = (
    types.HarmCategory.HARM_CATEGORY_HARASSMENT,
    types.HarmCategory.HARM_CATEGORY_HATE_SPEECH,
    types.HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
    types.HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
)
IMAGE_HARM_CATEGORIES = (
    types.HarmCategory.HARM_CATEGORY_IMAGE_HATE,
    types.HarmCategory.HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT,
    types.HarmCategory.HARM_CATEGORY_IMAGE_HARASSMENT,
    types.HarmCategory.HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT,
)
BLOCKING_FINISH_REASONS = frozenset({
    types.FinishReason.SAFETY, types.FinishReason.BLOCKLIST, types.FinishReason.PROHIBITED_CONTENT,
    types.FinishReason.SPII, types.FinishReason.RECITATION, types.FinishReason.IMAGE_SAFETY,
    types.FinishReason.IMAGE_PROHIBITED_CONTENT, types.FinishReason.IMAGE_RECITATION, types.FinishReason.MODEL_ARMOR,
})


def safety_settings(*, images: bool = False) -> list[types.SafetySetting]:
    """BLOCK_LOW_AND_ABOVE for every harm category the request can meet (the image ones too for images)."""
    categories = TEXT_HARM_CATEGORIES + (IMAGE_HARM_CATEGORIES if images else ())
    return [types.SafetySetting(category=category, threshold=types.HarmBlockThreshold.BLOCK_LOW_AND_ABOVE)
            for category in categories]


def raise_if_blocked(response: types.GenerateContentResponse) -> types.Candidate:
    """The first candidate; UpstreamError `safety_blocked` (never retried) naming the block reason and the
    harm categories when the prompt or the answer was blocked."""
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason is not None:
        reasons = _blocked_categories(feedback.safety_ratings)
        raise UpstreamError("safety_blocked", f"the request was blocked: {feedback.block_reason.value}{reasons}",
                            retryable=False)
    candidates = response.candidates or []
    if not candidates:
        raise UpstreamError("malformed_response", "the answer has no candidate", retryable=True)
    candidate = candidates[0]
    if candidate.finish_reason in BLOCKING_FINISH_REASONS:
        assert candidate.finish_reason is not None
        reasons = _blocked_categories(candidate.safety_ratings)
        raise UpstreamError("safety_blocked", f"the answer was blocked: {candidate.finish_reason.value}{reasons}",
                            retryable=False)
    return candidate


def _blocked_categories(ratings: list[types.SafetyRating] | None) -> str:
    names = [r.category.value for r in ratings or [] if r.blocked and r.category is not None]
    return f" ({', '.join(names)})" if names else ""
