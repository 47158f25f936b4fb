"""The opening hook of a unit lesson: it speaks to the student's interest without inventing facts.

The hook is framing, not content: it names the interest, says what that interest shares with learning the topic,
and poses the question the lesson answers. A family the curated list does not know gets a neutral line that
still names the interest.
"""

from domain.interest import Interest

_FAMILY_LINES = {
    "sports": "Players of {interest} get better by understanding why each move works, not just by copying it.",
    "music": "In {interest}, every piece is built from small parts that fit together in a pattern.",
    "art": "People who love {interest} look closely and notice details that others miss.",
    "stories": "Fans of {interest} know that every good story makes sense once you see how its parts connect.",
    "games": "In {interest}, you win by learning the rules well enough to plan your next move.",
    "building": "People who love {interest} build big things one careful step at a time.",
    "cooking": "In {interest}, a good recipe works because every step happens in the right order.",
    "nature": "People who love {interest} notice how one change can lead to another.",
    "animals": "People who love {interest} watch closely and ask why things happen.",
    "space": "Fans of {interest} like to ask big questions and find out how things really work.",
    "vehicles": "Fans of {interest} like to know how each part does its job.",
}
_YOUNG_FAMILY_LINES = {
    "sports": "You like {interest}. Good players learn how each move works.",
    "cooking": "You like {interest}. Cooks do each step in order.",
}


def build_hook(topic: str, question: str, interest: Interest | None, family: str | None, *, young: bool) -> str:
    """Two or three whole sentences: an interest line (family, neutral or none) and the question of the lesson."""
    ask = f"Let's find out: {question}" if question.endswith("?") else f"Let's learn about {topic}."
    if interest is None:
        return f"Have you ever wondered about {topic}? {ask}"
    if young:
        line = _YOUNG_FAMILY_LINES.get(family or "", "You like {interest}. Let's use what you know.")
        return f"{line.format(interest=interest.value)} {ask}"
    if family is None:
        return (f"You are interested in {interest.value}, and the curiosity you bring to it is just what you need "
                f"here. {ask}")
    return f"{_FAMILY_LINES[family].format(interest=interest.value)} You can learn {topic} the same way. {ask}"
