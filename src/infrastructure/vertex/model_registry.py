"""Which Vertex AI models Lessonsmith knows, what each can do, and which are retired.

Start-up checks every configured model here and refuses unknown, retired or miscast ones, so a typo or a
model Google shut down fails the deploy instead of every lesson. Add a model here after trying it."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Capability(StrEnum):
    """What a model is used for, which also fixes the endpoint and request shape the adapter sends."""

    TEXT = "text"  # generateContent with a JSON response schema
    EMBEDDING = "embedding"  # predict with task types
    SPEECH = "speech"  # generateContent answering AUDIO
    IMAGE = "image"  # generateContent answering IMAGE


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """A model's capability and whether it may still be called (`retired` gives the date Google stopped it)."""

    capability: Capability
    retired: str = ""


MODELS: Mapping[str, ModelInfo] = {
    "gemini-2.5-pro": ModelInfo(Capability.TEXT),
    "gemini-2.5-flash": ModelInfo(Capability.TEXT),
    "gemini-2.5-flash-lite": ModelInfo(Capability.TEXT),
    "gemini-2.0-flash-001": ModelInfo(Capability.TEXT),
    "gemini-1.5-pro-002": ModelInfo(Capability.TEXT, retired="2025-09-24"),
    "gemini-1.5-flash-002": ModelInfo(Capability.TEXT, retired="2025-09-24"),
    "gemini-1.0-pro-002": ModelInfo(Capability.TEXT, retired="2025-04-21"),
    "text-embedding-005": ModelInfo(Capability.EMBEDDING),
    "text-multilingual-embedding-002": ModelInfo(Capability.EMBEDDING),
    "gemini-embedding-001": ModelInfo(Capability.EMBEDDING),
    "textembedding-gecko@003": ModelInfo(Capability.EMBEDDING, retired="2025-05-24"),
    "gemini-2.5-flash-preview-tts": ModelInfo(Capability.SPEECH),
    "gemini-2.5-pro-preview-tts": ModelInfo(Capability.SPEECH),
    "gemini-2.5-flash-image": ModelInfo(Capability.IMAGE),
    "gemini-2.0-flash-preview-image-generation": ModelInfo(Capability.IMAGE, retired="2025-10-31"),
}


class ModelNotUsable(Exception):
    """One or more configured models are unknown, retired or of the wrong kind; the message lists each."""


def check_models(configured: Mapping[str, tuple[str, Capability]],
                 registry: Mapping[str, ModelInfo] = MODELS) -> None:
    """Raise ModelNotUsable naming every setting whose model cannot do its job; `configured` maps a setting
    name to (model id, the capability it needs)."""
    problems = []
    for setting, (model, needed) in configured.items():
        info = registry.get(model)
        if info is None:
            problems.append(f"{setting}={model!r} is not a known Vertex AI model")
        elif info.retired:
            problems.append(f"{setting}={model!r} was retired on {info.retired}")
        elif info.capability is not needed:
            problems.append(f"{setting}={model!r} is a {info.capability} model, not {needed}")
    if problems:
        raise ModelNotUsable("; ".join(problems))
