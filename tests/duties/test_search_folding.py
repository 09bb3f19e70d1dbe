"""Folding skips the traditional-to-simplified conversion only for texts it would leave unchanged."""

import unicodedata

import pytest

from search import text

CONVERSION = text._TO_SIMPLIFIED


def converted(value: str) -> str:
    return CONVERSION.convert(unicodedata.normalize("NFKC", value)).lower()


def dictionary_keys():
    keys = sorted(text._dictionary_keys(CONVERSION._dict_chain_data))
    return keys[::97]  # some of every kind: single characters, phrases, from each dictionary


def test_the_dictionaries_have_keys_of_one_character_and_longer():
    keys = dictionary_keys()
    assert any(len(key) == 1 for key in keys) and any(len(key) > 1 for key in keys)


@pytest.mark.parametrize("sentence", ["{}", "负责{}工作。", "牵头负责统筹推进{}（第1项）", "{}大气土壤", "ＡＢ{}ｃ"])
def test_a_text_with_any_key_of_the_conversion_folds_as_the_whole_conversion(sentence):
    texts = [sentence.format(key) for key in dictionary_keys()]
    assert [text.fold(value) for value in texts] == [converted(value) for value in texts]


@pytest.mark.parametrize(
    "value",
    ["揚塵污染", "汙水處理廠", "負責統籌推進河湖長制工作", "後續監督", "臺灣", "著作權", "頭髮", "裡面"],
)
def test_traditional_and_variant_texts_are_converted(value):
    assert text.fold(value) == converted(value) != value.lower()


def test_a_simplified_text_is_left_as_it_is_without_the_conversion():
    simplified = "牵头负责统筹推进监督指导落实工作(第20000项)。"
    assert not text._may_convert(simplified)
    assert text.fold(simplified) == converted(simplified) == simplified
    assert text.fold("负责ＡＢＣ（第1项）") == "负责abc(第1项)"  # width and case are folded all the same
