"""What the parser repaired is recorded, with the line and the reason."""

import pytest

from duties.models import Department, Repair

pytestmark = pytest.mark.django_db

CHONGQING = "004_6018938df5840922.txt"


def repairs(source_file, kind):
    return list(
        Repair.objects.filter(document__source_file=source_file, kind=kind)
        .order_by("line")
        .values_list("line", "original", "repaired")
    )


def test_chongqing_signatories_missing_their_last_character_are_completed():
    assert repairs(CHONGQING, "name") == [
        (10, "重庆市生态环境", "重庆市生态环境局"),
        (12, "重庆市公安", "重庆市公安局"),
        (14, "重庆市财政", "重庆市财政局"),
        (18, "重庆市交通", "重庆市交通局"),
        (20, "重庆市水利", "重庆市水利局"),
        (22, "重庆市审计", "重庆市审计局"),
    ]
    ecology = Repair.objects.get(document__source_file=CHONGQING, line=10)
    assert "第4行" in ecology.reason
    assert ecology.department == Department.objects.get(name="重庆市生态环境局")
    audit = Repair.objects.get(document__source_file=CHONGQING, line=22)
    assert "标题未列其全称" in audit.reason


def test_chongqing_date_written_as_digits_is_read_and_recorded():
    assert repairs(CHONGQING, "date") == [(30, "20231211", "2023年12月11日")]


def test_chongqing_cited_document_number_gets_its_bracket_back():
    assert repairs(CHONGQING, "doc-number") == [(40, "〔202258号", "〔2022〕58号")]
    repair = Repair.objects.get(document__source_file=CHONGQING, kind="doc-number")
    assert repair.provision.kind == "preamble"
    assert "(环督察〔2022〕58号," in repair.provision.text


def test_chongqing_part_headings_missing_their_numeral_are_numbered():
    assert repairs(CHONGQING, "numeral") == [
        (56, "强化生态环境保护履职尽责", "三、强化生态环境保护履职尽责"),
        (68, "强化执法督察和激励问责", "四、强化执法督察和激励问责"),
    ]
    part = Repair.objects.get(document__source_file=CHONGQING, line=56).provision
    assert (part.kind, part.number, part.heading) == ("part", "三", "强化生态环境保护履职尽责")


def test_a_subject_that_lost_characters_is_read_but_the_text_is_not_changed():
    (repair,) = Repair.objects.filter(document__source_file=CHONGQING, kind="resolution")
    assert (repair.line, repair.original, repair.repaired) == (82, "生态环境", "重庆市生态环境局")
    assert repair.provision.text.startswith("生态环境加强全市")


def test_names_the_sources_do_not_print_in_full_are_flagged():
    industry = Department.objects.get(jurisdiction__slug="henan", sector="industry-it")
    assert not industry.name_attested
    (note,) = industry.repairs.all()
    assert note.kind == "name-not-printed"
    assert (note.line, note.original) == (13, "工业和信息化")
    ecology = Department.objects.get(jurisdiction__slug="henan", sector="ecology-environment")
    assert (ecology.name, ecology.short_name) == ("河南省生态环境厅", "省生态环境厅")


def test_names_printed_in_full_carry_no_repair_note():
    assert not Repair.objects.filter(department__name_attested=True, kind="name-not-printed").exists()
    assert (
        Repair.objects.filter(kind="name-not-printed").count() == Department.objects.filter(name_attested=False).count()
    )
