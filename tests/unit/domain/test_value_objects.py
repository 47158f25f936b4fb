"""Value objects validate themselves and name the field they refuse."""

from decimal import Decimal

import pytest

from domain.errors import InvalidValue
from domain.grade_level import GradeBand, GradeLevel
from domain.interest import Interest
from domain.language import Language
from domain.modality import Modality, ModalitySet
from domain.money import Money
from domain.student_query import StudentQuery

pytestmark = pytest.mark.req("RDS-002")


@pytest.mark.parametrize(("grade", "band"), [(0, GradeBand.K_2), (2, GradeBand.K_2), (3, GradeBand.G3_5),
                                             (5, GradeBand.G3_5), (6, GradeBand.G6_8), (8, GradeBand.G6_8),
                                             (9, GradeBand.G9_12), (12, GradeBand.G9_12)])
def test_grade_level_maps_to_its_band(grade: int, band: GradeBand) -> None:
    assert GradeLevel(grade).band is band


@pytest.mark.parametrize("bad", [-1, 13, 100])
def test_grade_level_out_of_range_names_the_field(bad: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        GradeLevel(bad)
    assert (caught.value.field, caught.value.code) == ("grade_level", "out_of_range")


def test_grade_level_refuses_booleans() -> None:
    with pytest.raises(InvalidValue):
        GradeLevel(True)


@pytest.mark.req("RDS-001")
def test_modalities_default_to_video_and_keep_canonical_order() -> None:
    assert ModalitySet.parse(None).items == (Modality.VIDEO,)
    assert ModalitySet.parse(["video", "text", "text"]).names() == ["text", "video"]


def test_modalities_refuse_unknown_and_empty() -> None:
    with pytest.raises(InvalidValue, match="unknown modality"):
        ModalitySet.parse(["smell"])
    with pytest.raises(InvalidValue) as caught:
        ModalitySet.parse([])
    assert caught.value.code == "empty"


def test_query_folds_whitespace_and_limits_length() -> None:
    assert StudentQuery("  How   do\tplants eat? ").text == "How do plants eat?"
    with pytest.raises(InvalidValue, match="500"):
        StudentQuery("x" * 501)
    with pytest.raises(InvalidValue):
        StudentQuery("   ")


def test_interest_is_normalised_and_checked() -> None:
    assert Interest("  Ancient   EGYPT ").value == "ancient egypt"
    with pytest.raises(InvalidValue):
        Interest("<script>")
    with pytest.raises(InvalidValue):
        Interest("a" * 61)


def test_language_accepts_english_only_for_now() -> None:
    assert Language("en-GB").tag == "en-GB"
    with pytest.raises(InvalidValue) as caught:
        Language("fr")
    assert caught.value.code == "unsupported"
    with pytest.raises(InvalidValue):
        Language("english!")


@pytest.mark.req("RDS-016")
def test_money_is_exact_and_refuses_negative() -> None:
    assert Money.from_usd(Decimal("0.1")) + Money.from_usd(Decimal("0.2")) == Money.from_usd(Decimal("0.3"))
    assert Money.from_usd("0.18").display() == "$0.18"
    assert Money(25).display() == "$0.000025"
    with pytest.raises(InvalidValue):
        Money.from_usd(Decimal("-1"))
    with pytest.raises(InvalidValue):
        Money.from_usd(Decimal("NaN"))
