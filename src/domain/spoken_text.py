"""Text as it is read aloud: symbols, numbers and abbreviations become the words a teacher would say.

"2/8 + 3/8 = 5/8" is read "2 eighths plus 3 eighths equals 5 eighths", "a² + b² = c²" "a squared plus b squared
equals c squared", "-5 °C" "negative 5 degrees Celsius", "3.14" "3 point 1 4", "50%" "50 percent", "1st" "first",
"e.g." "for example". Digits stay digits (speech engines read whole numbers well) except where the symbol
around them changes how they are said.
"""

import re

_DENOMINATORS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters")}
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
                  8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 20: "twentieth",
                  30: "thirtieth", 100: "hundredth"}
_POWERS = {"²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "¹": "1", "⁰": "0"}
_UNITS = {
    "km": "kilometers", "cm": "centimeters", "mm": "millimeters", "m": "meters", "kg": "kilograms",
    "mg": "milligrams", "g": "grams", "mL": "milliliters", "ml": "milliliters", "L": "liters", "mph": "miles per hour",
    "km/h": "kilometers per hour", "m/s": "meters per second", "ft": "feet", "lb": "pounds",
    "lbs": "pounds", "oz": "ounces", "min": "minutes", "hr": "hours",
}
_ABBREVIATIONS = {
    "e.g.": "for example", "i.e.": "that is", "etc.": "and so on", "vs.": "versus", "approx.": "about",
    "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "St.": "Saint", "U.S.": "U S",
    "a.m.": "A M", "p.m.": "P M", "B.C.": "B C", "A.D.": "A D", "BCE": "B C E", "CE": "C E",
}


def ordinal(n: int, suffix: str = "th") -> str:
    """The ordinal word of `n` in the table (1 → "first"); any other number keeps its digits and suffix, which
    speech engines read well ("21st")."""
    return _ORDINAL_WORDS.get(n, f"{n}{suffix}")


def fraction(numerator: int, denominator: int) -> str:
    """A fraction as said aloud: "1 half", "2 thirds", "5 eighths"; "7 over 25" for large denominators."""
    if denominator in _DENOMINATORS:
        singular, plural = _DENOMINATORS[denominator]
    elif 5 <= denominator <= 12 or denominator in (20, 100):
        singular = ordinal(denominator)
        plural = singular + "s"
    else:
        return f"{numerator} over {denominator}"
    return f"{'one' if numerator == 1 else numerator} {singular if numerator == 1 else plural}"


def _power(match: re.Match[str]) -> str:
    base, exponent = match["base"], match["exp"]
    exponent = "".join(_POWERS.get(c, c) for c in exponent)
    spoken = {"2": "squared", "3": "cubed"}.get(exponent, f"to the power of {exponent}")
    return f"{base} {spoken}"


def _decimal(match: re.Match[str]) -> str:
    return f"{match['whole']} point {' '.join(match['part'])}"


def _unit(match: re.Match[str]) -> str:
    return f"{match['n']} {_UNITS[match['unit']]}"


def spoken(text: str) -> str:
    """`text` with symbols, fractions, powers, units, percentages, degrees, ordinals, decimals, negative numbers
    and common abbreviations written as the words a reader says."""
    out = text
    for short, words in _ABBREVIATIONS.items():
        out = re.sub(rf"(?<![\w.]){re.escape(short)}(?!\w)", words, out)
    out = re.sub(r"(?P<base>\b[A-Za-z0-9]+|\))\^(?P<exp>\d+)", _power, out)
    out = re.sub(r"(?P<base>\b[A-Za-z0-9]+|\))(?P<exp>[²³⁴⁵⁶⁷⁸⁹¹⁰]+)", _power, out)
    out = re.sub(r"(?<![\w/.])(\d+)/(\d+)(?![\w/])", lambda m: fraction(int(m[1]), int(m[2])), out)
    out = re.sub(r"(?<![\w.])[-−–](?=\d)", "negative ", out)
    out = re.sub(r"\s*°\s*C\b", " degrees Celsius", out)
    out = re.sub(r"\s*°\s*F\b", " degrees Fahrenheit", out)
    out = re.sub(r"\s*°", " degrees", out)
    out = re.sub(r"(\d)\s*%", r"\1 percent", out)
    out = re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: ordinal(int(m[1]), m[2]), out)
    out = re.sub(r"\b(?P<whole>\d+)\.(?P<part>\d+)\b", _decimal, out)
    units = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
    out = re.sub(rf"\b(?P<n>\d+)\s?(?P<unit>{units})(?![\w/])", _unit, out)
    symbols = {" + ": " plus ", " = ": " equals ", " × ": " times ", " ÷ ": " divided by ", " − ": " minus ",
               " - ": " minus ", " ≠ ": " does not equal ", " ≈ ": " is about ", " < ": " is less than ",
               " > ": " is greater than ", " ≤ ": " is at most ", " ≥ ": " is at least ", " → ": " then "}
    for symbol, words in symbols.items():
        out = out.replace(symbol, words)
    out = re.sub(r"(?<=\d)\s*[x×*]\s*(?=\d)", " times ", out)
    out = re.sub(r"√\s*(\d+)", r"the square root of \1", out)
    out = out.replace("π", "pi").replace("&", "and")
    return re.sub(r"[ \t]{2,}", " ", out)
