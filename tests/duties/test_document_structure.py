"""Every document's structure: parts, measures per part, numbering, dates and issuers."""

import pytest

from duties.models import Document, Provision

pytestmark = pytest.mark.django_db

JIANGXI, JIANGXI_MEASURES, HENAN, CHONGQING, JILIN = (
    "000_7da49b89639e252e.txt",
    "001_e2154617fca44299.txt",
    "002_93077c1f7bf33f6f.txt",
    "004_6018938df5840922.txt",
    "003_5752f4fce0af3575.txt",
)


def document(source_file):
    return Document.objects.get(source_file=source_file)


def measures_per_part(doc):
    parts = Provision.objects.filter(document=doc, kind="part").order_by("position")
    return [(part.number, part.children.filter(kind="measure").count()) for part in parts]


def test_jiangxi_opinion_has_the_6_parts_and_22_measures_it_states():
    doc = document(JIANGXI)
    assert measures_per_part(doc) == [("一", 2), ("二", 3), ("三", 4), ("四", 4), ("五", 3), ("六", 6)]
    measures = Provision.objects.filter(document=doc, kind="measure").order_by("position")
    assert [m.ordinal for m in measures] == list(range(1, 23))
    ninth = measures.get(ordinal=9)
    assert (ninth.number, ninth.heading, ninth.anchor) == ("(九)", "实施专题报告制度", "p3-m9")  # as printed
    assert ninth.text.startswith("承担重要生态环境保护职责的有关职能部门,应当于每年1月10日前")


def test_jiangxi_opinion_metadata_and_17_issuing_bodies():
    doc = document(JIANGXI)
    assert doc.title == "江西省推动职能部门做好生态环境保护工作的实施意见"
    assert doc.doc_number == "赣环督察字〔2023〕373号"
    assert doc.issued_on.isoformat() == "2023-10-07"
    issuers = list(doc.issuers.order_by("position").values_list("name_as_written", flat=True))
    assert len(issuers) == 17
    assert issuers[:2] == ["江西省生态环境厅", "江西省发展和改革委员会"]
    assert issuers[-1] == "江西省人民检察院"


def test_jiangxi_annex_has_12_department_sections_in_document_order():
    annex = Provision.objects.get(document=document(JIANGXI), kind="annex")
    assert annex.heading == "江西省有关职能部门生态环境保护具体牵头事项清单(试行)"
    sections = annex.children.order_by("position")
    assert [s.heading for s in sections] == [
        "省发展改革委(省能源局)",
        "省工业和信息化厅",
        "省财政厅",
        "省自然资源厅",
        "省生态环境厅",
        "省住房城乡建设厅",
        "省交通运输厅",
        "省水利厅",
        "省农业农村厅",
        "省商务厅",
        "省林业局",
        "省市场监管局",
    ]
    assert [s.children.count() for s in sections] == [9, 6, 4, 8, 13, 8, 11, 6, 6, 4, 4, 5]


def test_jiangxi_page_links_and_news_lead_are_not_part_of_the_document():
    texts = Provision.objects.filter(document=document(JIANGXI)).values_list("text", flat=True)
    assert not any("生态环境部:确保疫情防控期间" in text for text in texts)
    assert not any("电解铝行业" in text for text in texts)
    last = Provision.objects.filter(document=document(JIANGXI)).order_by("position").last()
    assert last.text == "江西省生态环境厅办公室 2023年10月9日印发"


def test_jiangxi_20_measures_keep_traditional_script_and_an_unknown_year():
    doc = document(JIANGXI_MEASURES)
    assert doc.script == "traditional"
    assert (doc.issued_year, doc.issued_month, doc.issued_day) == (None, 3, 4)
    assert doc.issued_on is None
    assert "年份未载明" in doc.issued_display
    measures = Provision.objects.filter(document=doc, kind="measure").order_by("position")
    assert measures.count() == 20
    assert measures.first().heading == "構建保護大格局"
    assert measures.last().heading == "提高執行能力"
    assert "汙染" in measures.get(ordinal=4).text


def test_henan_has_7_parts_and_27_measures_numbered_across_the_text():
    doc = document(HENAN)
    assert measures_per_part(doc) == [("一", 3), ("二", 4), ("三", 4), ("四", 2), ("五", 3), ("六", 5), ("七", 6)]
    assert doc.doc_number == ""
    assert doc.issued_on.isoformat() == "2023-06-14"
    assert not doc.issuers.exists()
    closing = Provision.objects.get(document=doc, kind="closing")
    assert closing.text.endswith("省能源局有关职责由省发展改革委负责落实。")


def test_chongqing_has_5_parts_with_measures_restarting_in_each_part():
    doc = document(CHONGQING)
    assert measures_per_part(doc) == [("一", 0), ("二", 3), ("三", 5), ("四", 5), ("五", 0)]
    assert doc.title == "重庆市推动职能部门做好生态环境保护工作的实施方案"
    assert doc.issued_on.isoformat() == "2023-12-11"
    assert doc.issuers.count() == 19
    assert Provision.objects.get(document=doc, anchor="p3-m4").heading == "建立实施生态环境保护专题报告制度"


def test_jilin_has_6_parts_and_keeps_a_measures_second_paragraph():
    doc = document(JILIN)
    assert measures_per_part(doc) == [("一", 0), ("二", 0), ("三", 4), ("四", 3), ("五", 3), ("六", 4)]
    assert doc.doc_number == "吉政办发〔2016〕56号"
    assert doc.title == "关于进一步加强县级政府生态建设和环境保护职能作用的意见"
    assert doc.issued_on.isoformat() == "2016-07-15"
    first = Provision.objects.get(document=doc, anchor="p3-m1")
    assert (first.line_start, first.line_end) == (55, 57)
    assert "\n要围绕环境质量改善改革创新环境管理制度" in first.text
    texts = Provision.objects.filter(document=doc).values_list("text", flat=True)
    assert not any("节约网" in text or "责任编辑" in text for text in texts)


@pytest.mark.parametrize("source_file", [JIANGXI, JIANGXI_MEASURES, HENAN, CHONGQING, JILIN])
def test_every_provision_traces_to_its_source_lines(source_file, settings):
    """The text of each numbered provision is on the lines it cites, after its printed number."""
    lines = (settings.DUTY_SOURCES_DIR / source_file).read_text(encoding="utf-8").split("\n")
    provisions = Provision.objects.filter(document__source_file=source_file).prefetch_related("repairs")
    assert provisions.exists()
    for provision in provisions:
        source_text = "".join(line.strip(" \u3000") for line in lines[provision.line_start - 1 : provision.line_end])
        printed = provision.text.replace("\n", "")
        for repair in provision.repairs.all():
            if repair.kind == "doc-number":  # undo exactly what the parser says it repaired
                printed = printed.replace(repair.repaired, repair.original)
        assert printed in source_text, (provision.anchor, provision.line_start)
        if provision.heading:
            assert provision.heading in source_text, provision.anchor


def test_anchors_are_unique_and_stable_within_each_document():
    for doc in Document.objects.all():
        anchors = list(doc.provisions.values_list("anchor", flat=True))
        assert len(anchors) == len(set(anchors))
    assert (
        Provision.objects.filter(document__source_file=JIANGXI, anchor="annex-d6-i4")
        .get()
        .text.startswith("负责城市建筑工地(含房屋拆除)施工废水、噪声、废气、扬尘")
    )
