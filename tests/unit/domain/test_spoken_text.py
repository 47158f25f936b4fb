"""Symbols read aloud as a teacher would say them: the table of cases."""

import pytest

from domain.spoken_text import spoken

pytestmark = pytest.mark.req("RDS-077")


@pytest.mark.parametrize(("written", "said"), [
    ("2/8 + 3/8 = 5/8", "2 eighths plus 3 eighths equals 5 eighths"),
    ("1/2 + 1/3", "one half plus one third"),
    ("3/4 of the class", "3 quarters of the class"),
    ("7/25 of them", "7 over 25 of them"),
    ("a² + b² = c²", "a squared plus b squared equals c squared"),
    ("x^3 - 8 = 0", "x cubed minus 8 equals 0"),
    ("10^6 cells", "10 to the power of 6 cells"),
    ("It was -5 °C.", "It was negative 5 degrees Celsius."),
    ("Water boils at 212 °F.", "Water boils at 212 degrees Fahrenheit."),
    ("a 90° angle", "a 90 degrees angle"),
    ("50% of 10", "50 percent of 10"),
    ("Pi is about 3.14.", "Pi is about 3 point 1 4."),
    ("She came 1st, he came 2nd.", "She came first, he came second."),
    ("the 21st century", "the 21st century"),
    ("e.g. 5 km or 12 kg", "for example 5 kilometers or 12 kilograms"),
    ("i.e. 30 m/s", "that is 30 meters per second"),
    ("3 x 4 = 12", "3 times 4 equals 12"),
    ("12 ÷ 4 = 3", "12 divided by 4 equals 3"),
    ("√16 = 4", "the square root of 16 equals 4"),
    ("In 1776 in Boston", "In 1776 in Boston"),
    ("1861-1865", "1861-1865"),
    ("Dr. King", "Doctor King"),
])
def test_symbols_numbers_and_abbreviations_are_said_in_words(written: str, said: str) -> None:
    assert spoken(written) == said
