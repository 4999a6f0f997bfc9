"""Certificates rendered from the platform's data: every kind, the frame every page must carry,
the embedded font, the QR the platform verifies, wrapping, and templates as data."""
from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime

import pytest
import requests

from kiosk import config
from printing import documents, templates
from printing.errors import DocumentDataError, TemplateError

KINDS = ("household_register", "social_insurance_payment", "business_licence")


def test_at_least_three_kinds_are_templates():
    assert set(KINDS) <= set(templates.kinds())


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_carries_the_frame(kind, platform, person_docs, tmp_path, render_kind, pdf_text):
    data, doc = render_kind(person_docs[kind]["doc_id"])
    text = pdf_text(doc.pdf)
    pages = text.split("\f")[:-1]
    assert len(pages) == doc.pages >= 1
    watermark = f"此件由{data['issuer']['name']}提供，仅供办理政务服务事项时使用，有效期至{data['valid_until']}"
    for number, page in enumerate(pages, start=1):
        flat = page.replace("\n", "")
        assert watermark in flat, f"page {number} lacks the use-limitation text"
        assert f"编号：{data['serial']}" in flat
        assert "KIOSK-TEST-01" in flat and "打印时间：2026-11-2209:30" in flat
        assert f"第{number}页共{doc.pages}页" in flat
        assert "扫码核验" in flat
    assert data["title"] in pages[0]
    assert data["issuer"]["name"] in pages[-1]


def test_long_payment_history_spans_pages_with_header_rows(platform, person_docs, tmp_path, render_kind, pdf_text):
    data, doc = render_kind(person_docs["social_insurance_payment"]["doc_id"])
    assert doc.pages >= 2
    pages = pdf_text(doc.pdf).split("\f")[:-1]
    assert all("费款所属期" in p for p in pages[:-1]), "the table header repeats on each page"
    periods = {row["period"] for row in data["rows"]["payments"]}
    assert all(period in pdf_text(doc.pdf) for period in periods)


def test_font_is_an_embedded_truetype_subset(platform, person_docs, tmp_path, render_kind, pdf_text):
    _, doc = render_kind(person_docs["household_register"]["doc_id"])
    path = tmp_path / "d.pdf"
    path.write_bytes(doc.pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, listing
    for row in rows:
        assert " yes " in row and "TrueType" in row, row        # emb yes, no printer font needed
    assert "STSong" not in listing


def test_qr_carries_the_code_the_platform_verifies(platform, person_docs, tmp_path, render_kind, pdf_text):
    import zxingcpp
    from PIL import Image
    data, doc = render_kind(person_docs["business_licence"]["doc_id"])
    (tmp_path / "d.pdf").write_bytes(doc.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(tmp_path / "d.pdf"),
                    str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png")))
    found = [r.text for r in zxingcpp.read_barcodes(page)]
    assert found == [data["verify_code"]]
    answer = requests.get(found[0], timeout=5).json()
    assert answer["valid"] and answer["serial"] == data["serial"]
    assert answer["holder"] == "欧***"                      # the checker sees no full name
    forged = found[0].replace(data["serial"], data["serial"][:-1] + str((int(data["serial"][-1]) + 1) % 10))
    assert requests.get(forged, timeout=5).json()["valid"] is False


def test_long_names_and_addresses_wrap_inside_the_page(platform, person_docs, tmp_path, render_kind, pdf_text):
    source_data, _ = render_kind(person_docs["business_licence"]["doc_id"])
    long_name = "阿卜杜热合曼·买买提艾力·库尔班尼亚孜·司马义托合提" * 2
    long_address = "示范市示范区" + "幸福路与和平大街交叉口东北角" * 6 + "1号楼2单元1203室"
    data = json.loads(json.dumps(source_data))
    data["holder"]["name"] = long_name
    data["holder"]["address"] = long_address
    doc = documents.render(templates.get("business_licence"), data,
                           documents.RenderContext("KIOSK-TEST-01"))
    (tmp_path / "d.pdf").write_bytes(doc.pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "d.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    page_w = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                       html)
    # the holder's lines only (the rotated watermark runs off the page on purpose)
    right_edges = [float(x) for x, text in words if "幸福路" in text or "买买提" in text
                   or "交叉口" in text or "司马义" in text]
    assert right_edges and max(right_edges) <= page_w - documents.MARGIN_X + 1
    flat = pdf_text(doc.pdf).replace("\n", "")
    assert long_address[-20:] in flat and "司马义托合提" in flat    # wrapped, not cut


def test_masked_columns_use_the_configured_mask(platform, person_docs, tmp_path, render_kind, pdf_text):
    data, doc = render_kind(person_docs["household_register"]["doc_id"])
    text = pdf_text(doc.pdf)
    for member in data["rows"]["members"]:
        masked = config.mask_id(member["id_number"], config.defaults().privacy)
        assert masked in text
    spouse = data["rows"]["members"][1]["id_number"]
    assert spouse not in text


def test_missing_data_is_a_typed_error(platform, person_docs, render_kind, pdf_text):
    data, _ = render_kind(person_docs["household_register"]["doc_id"])
    del data["holder"]["household_no"]
    with pytest.raises(DocumentDataError, match="holder.household_no"):
        documents.render(templates.get("household_register"), data,
                         documents.RenderContext("K"))


def test_a_new_kind_is_only_a_template_file(tmp_path, platform, person_docs, render_kind, pdf_text):
    (tmp_path / "marriage.json").write_text(json.dumps({
        "kind": "marriage_record", "title": "婚姻登记记录证明",
        "blocks": [{"type": "fields", "heading": "登记信息", "columns": 1, "fields": [
            {"label": "姓名", "value": "holder.name"}, {"label": "住址", "value": "holder.address"}]},
                   {"type": "text", "text": "经查，{holder.name}的婚姻登记记录如上。"}]},
        ensure_ascii=False), encoding="utf-8")
    data, _ = render_kind(person_docs["household_register"]["doc_id"])
    data["kind"] = "marriage_record"
    template = templates.get("marriage_record", tmp_path)
    doc = documents.render(template, data, documents.RenderContext("KIOSK-TEST-01"))
    text = pdf_text(doc.pdf).replace("\n", "")
    assert "婚姻登记记录证明" in text and f"经查，{data['holder']['name']}的婚姻登记记录如上。" in text


@pytest.mark.parametrize("raw, message", [
    ({"title": "x", "blocks": []}, "missing 'kind'"),
    ({"kind": "Bad Kind", "title": "x", "blocks": [{"type": "text", "text": "a"}]}, "lower_snake_case"),
    ({"kind": "k1", "title": "x", "blocks": [{"type": "chart"}]}, "type must be"),
    ({"kind": "k1", "title": "x", "blocks": [{"type": "table", "columns": [{"label": "a", "value": "b"}]}]},
     "needs 'rows'"),
    ({"kind": "k1", "title": "x", "blocks": [{"type": "fields", "fields": [
        {"label": "a", "value": "b", "format": "roman"}]}]}, "format must be"),
])
def test_bad_templates_are_refused_with_the_reason(tmp_path, raw, message):
    with pytest.raises(TemplateError, match=message):
        templates.parse(raw, tmp_path / "t.json")


def test_shipped_templates_all_load_and_kinds_are_unique():
    catalog = templates.catalog()
    assert len(catalog) == len(list(templates.TEMPLATE_DIR.glob("*.json")))


def test_render_context_time_is_printed_in_local_format(platform, person_docs, tmp_path, render_kind, pdf_text):
    _, doc = render_kind(person_docs["household_register"]["doc_id"],
                         when=datetime(2027, 1, 2, 3, 4))
    assert "打印时间：2027-01-0203:04" in re.sub(r"\s", "", pdf_text(doc.pdf))
