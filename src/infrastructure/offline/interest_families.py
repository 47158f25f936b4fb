"""Interest families: the curated groups a student's interest is themed by (sports, music, cooking …).

A unit's worked example can be themed per family, and the hook speaks to the family; an interest the curated
list does not know falls back to a neutral theme that still names it.
"""

from domain.interest import Interest
from infrastructure.offline.interest_hooks import known_interest

FAMILY_OF = {
    "sports": ("soccer", "football", "basketball", "baseball", "tennis", "swimming", "running", "gymnastics",
               "skateboarding", "cycling", "martial arts", "fishing"),
    "music": ("music", "dancing", "theater"),
    "art": ("art", "drawing", "fashion", "photography"),
    "stories": ("reading", "writing", "movies", "superheroes", "youtube"),
    "games": ("video games", "minecraft", "chess", "puzzles"),
    "building": ("coding", "robots", "lego"),
    "cooking": ("cooking",),
    "nature": ("gardening", "nature", "ocean", "bugs", "weather"),
    "animals": ("animals", "dogs", "cats", "horses", "dinosaurs"),
    "space": ("space",),
    "vehicles": ("cars", "trains", "airplanes"),
}
_FAMILY_BY_NAME = {name: family for family, names in FAMILY_OF.items() for name in names}


def family_of(interest: Interest | None) -> str | None:
    """The family of a known interest; None for no interest or one the curated list does not know."""
    if interest is None:
        return None
    name = known_interest(interest)
    return _FAMILY_BY_NAME.get(name) if name is not None else None
