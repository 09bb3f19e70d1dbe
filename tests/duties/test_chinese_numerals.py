"""Chinese numerals read as the documents print them; a malformed one is rejected, not misread."""

import pytest

from duties.parsing.numbering import chinese_to_int, int_to_chinese


@pytest.mark.parametrize(
    ("numeral", "value"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十二", 22), ("九十九", 99)]
)
def test_a_well_formed_numeral_reads_as_its_value(numeral, value):
    assert chinese_to_int(numeral) == value


def test_every_value_the_documents_can_number_reads_back():
    assert [chinese_to_int(int_to_chinese(value)) for value in range(1, 100)] == list(range(1, 100))


@pytest.mark.parametrize(
    "numeral", ["", "二二", "十十", "十十一", "二十十", "十二十", "二十二十", "一二", "二二十", "一十", "百", "零"]
)
def test_a_malformed_numeral_is_rejected(numeral):
    with pytest.raises(ValueError, match=f"not a Chinese numeral: {numeral!r}"):
        chinese_to_int(numeral)
