"""Output modalities a client can request, and the validated set of them."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from domain.errors import InvalidValue


class Modality(StrEnum):
    """One kind of lesson output."""

    TEXT = "text"
    AUDIO = "audio"
    IMAGE = "image"
    VIDEO = "video"


DEFAULT_MODALITIES = (Modality.VIDEO,)


@dataclass(frozen=True, slots=True)
class ModalitySet:
    """A non-empty set of modalities, kept in canonical order (text, audio, image, video)."""

    items: tuple[Modality, ...]

    @classmethod
    def parse(cls, names: Iterable[str] | None) -> "ModalitySet":
        """Build from client input; None means the default (video only)."""
        if names is None:
            return cls(DEFAULT_MODALITIES)
        chosen: set[Modality] = set()
        for name in names:
            try:
                chosen.add(Modality(name))
            except ValueError:
                allowed = ", ".join(m.value for m in Modality)
                raise InvalidValue(
                    "requested_modalities", "unknown_modality", f"unknown modality {name!r}; use {allowed}"
                ) from None
        return cls(tuple(chosen))

    def __post_init__(self) -> None:
        if not self.items:
            raise InvalidValue("requested_modalities", "empty", "must name at least one modality")
        ordered = tuple(m for m in Modality if m in self.items)
        object.__setattr__(self, "items", ordered)

    def __contains__(self, modality: object) -> bool:
        return modality in self.items

    def names(self) -> list[str]:
        """The modality names in canonical order."""
        return [m.value for m in self.items]
