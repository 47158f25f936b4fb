"""A graded word list: long or formal words and the everyday words younger readers know.

Each entry swaps like for like (same part of speech and inflection, no change of meaning), so a sentence
stays grammatical; "a"/"an" before a swapped word is fixed. The grounding check reads passages through
the same list, so a simplified sentence still matches the passage it came from.
"""

import re

PLAIN_WORDS: dict[str, str] = {
    "approximately": "about", "roughly": "about", "numerous": "many", "several": "some", "various": "many",
    "multiple": "many", "although": "though", "whereas": "while", "eventually": "in the end",
    "initially": "at first", "previously": "before", "subsequently": "later", "immediately": "right away",
    "currently": "now", "frequently": "often", "occasionally": "sometimes", "primarily": "mainly",
    "typically": "usually", "generally": "usually", "extremely": "very", "exceptionally": "very",
    "entirely": "fully", "completely": "fully", "relatively": "fairly",
    "obtain": "get", "obtains": "gets", "obtaining": "getting",
    "require": "need", "requires": "needs", "required": "needed", "requiring": "needing",
    "utilize": "use", "utilizes": "uses", "utilized": "used", "utilizing": "using",
    "demonstrate": "show", "demonstrates": "shows", "demonstrating": "showing",
    "indicate": "show", "indicates": "shows", "indicating": "showing",
    "construct": "build", "constructs": "builds", "constructed": "built", "constructing": "building",
    "purchase": "buy", "purchases": "buys", "purchased": "bought",
    "assist": "help", "assists": "helps", "assisted": "helped", "assistance": "help",
    "attempt": "try", "attempts": "tries", "attempted": "tried",
    "commence": "start", "commences": "starts", "commenced": "started",
    "terminate": "end", "terminates": "ends", "terminated": "ended",
    "observe": "see", "observes": "sees", "observing": "seeing",
    "examine": "look at", "examines": "looks at", "examined": "looked at", "examining": "looking at",
    "sufficient": "enough", "insufficient": "not enough", "adequate": "enough",
    "enormous": "huge", "immense": "huge", "tremendous": "huge", "gigantic": "huge",
    "minuscule": "tiny", "microscopic": "tiny", "rapid": "fast", "rapidly": "fast",
    "individuals": "people", "residents": "people", "inhabitants": "people",
    "location": "place", "locations": "places", "region": "area", "regions": "areas",
    "component": "part", "components": "parts", "portion": "part", "portions": "parts",
    "provide": "give", "provides": "gives", "provided": "given", "providing": "giving",
    "receive": "get", "receives": "gets", "receiving": "getting",
    "contain": "hold", "contains": "holds", "contained": "held", "containing": "holding",
    "transform": "change", "transforms": "changes", "transformed": "changed", "transforming": "changing",
    "modify": "change", "modifies": "changes", "modified": "changed", "modifying": "changing",
    "eliminate": "remove", "eliminates": "removes", "eliminated": "removed",
    "establish": "set up", "established": "set up", "maintain": "keep", "maintains": "keeps",
    "maintained": "kept", "maintaining": "keeping",
    "produce": "make", "produces": "makes", "produced": "made", "producing": "making",
    "create": "make", "creates": "makes", "created": "made", "creating": "making",
    "discover": "find", "discovers": "finds", "discovered": "found", "discovering": "finding",
    "determine": "find", "determines": "finds", "determining": "finding",
    "identify": "name", "identifies": "names", "identifying": "naming",
    "participate": "take part", "participates": "takes part", "participated": "took part",
    "encounter": "meet", "encounters": "meets", "encountered": "met",
    "reside": "live", "resides": "lives", "resided": "lived", "possess": "have", "possesses": "has",
    "beneficial": "helpful", "essential": "needed", "necessary": "needed", "difficult": "hard",
    "challenging": "hard", "initial": "first", "final": "last", "purpose": "goal", "purposes": "goals",
    "method": "way", "methods": "ways", "technique": "way", "techniques": "ways",
    "beverage": "drink", "beverages": "drinks", "residence": "home", "residences": "homes",
}
SENTENCE_OPENERS: dict[str, str] = {
    "however": "But", "therefore": "So", "consequently": "So", "thus": "So", "hence": "So",
    "furthermore": "Also", "moreover": "Also", "additionally": "Also", "nevertheless": "Still",
    "nonetheless": "Still", "in addition": "Also", "as a result": "So",
}
_WORDS = "|".join(sorted(map(re.escape, PLAIN_WORDS), key=len, reverse=True))
_PATTERN = re.compile(rf"\b(?:(?P<article>[Aa]n?) )?(?P<word>{_WORDS})\b", re.IGNORECASE)
_OPENERS = "|".join(sorted(map(re.escape, SENTENCE_OPENERS), key=len, reverse=True))
_OPENER = re.compile(rf"^(?P<word>{_OPENERS}),\s+(?P<next>\S)", re.IGNORECASE)


def _article(original: str | None, plain: str) -> str:
    if original is None:
        return ""
    article = "an" if plain[:1].lower() in "aeiou" else "a"
    return (article.capitalize() if original[:1].isupper() else article) + " "


def plain_wording(text: str, keep: frozenset[str] = frozenset()) -> str:
    """`text` with every listed word replaced by its plain form (and formal openers such as "However,"
    by plain ones); words in `keep` (lower case), such as the lesson's domain terms, stay."""

    def swap(match: re.Match[str]) -> str:
        word = match.group("word")
        if word.lower() in keep:
            return match.group(0)
        plain = PLAIN_WORDS[word.lower()]
        plain = plain[:1].upper() + plain[1:] if word[:1].isupper() and not match.group("article") else plain
        return _article(match.group("article"), plain) + plain

    opened = _OPENER.sub(lambda m: f"{SENTENCE_OPENERS[m.group('word').lower()]} {m.group('next')}", text.strip())
    return _PATTERN.sub(swap, opened)
