"""The catalog domain model and the demo data set it is fed with."""
from __future__ import annotations

import time

import pytest

from kiosk.catalog import (CATEGORIES, KIOSK_ACTIONS, MATERIAL_FORMS, Catalog, CatalogDataError,
                           ServiceItem)
from reference_platform import demo_data

REQUIRED_DEPARTMENTS = {"公安局", "人力资源和社会保障局", "市场监督管理局", "民政局", "医疗保障局",
                        "住房公积金管理中心", "税务局", "卫生健康委员会", "教育局", "自然资源和规划局",
                        "住房和城乡建设局", "交通运输局", "司法局", "退役军人事务局", "残疾人联合会",
                        "不动产登记中心"}


def test_demo_catalog_size_departments_categories_themes(demo_catalog):
    assert len(demo_catalog) >= 300
    assert REQUIRED_DEPARTMENTS <= set(demo_catalog.departments())
    assert {i.category for i in demo_catalog} == set(CATEGORIES)
    themes = demo_catalog.themes()
    assert len(themes) >= 8
    for theme in themes:
        assert len(demo_catalog.by_theme(theme)) >= 3, theme
        assert demo_catalog.theme(theme).summary
    assert all(t.endswith("一件事") for t in themes)


def test_every_guide_element_is_filled(demo_catalog):
    for item in demo_catalog:
        for text in (item.name, item.department, item.item_type, item.fee, item.fee_basis,
                     item.place, item.hours, item.enquiry_phone, item.complaint_phone,
                     item.kiosk_note, item.guide_url, item.basic_code, item.impl_code):
            assert text.strip(), item.impl_code
        assert item.legal_basis and item.conditions and item.materials and item.process
        assert all(m.form in MATERIAL_FORMS and m.copies >= 0 and m.name for m in item.materials)
        assert all(s.name and s.detail for s in item.process)
        assert item.kiosk_actions == ("none",) or set(item.kiosk_actions) <= set(KIOSK_ACTIONS)
        assert item.statutory_days is None or item.promised_days <= item.statutory_days, item.name
        assert item.guide_url.startswith("https://") and item.impl_code in item.guide_url


def test_no_fee_is_written_out_and_fees_have_a_basis(demo_catalog):
    fees = [i.fee for i in demo_catalog]
    assert "不收费" in fees
    charged = [i for i in demo_catalog if i.fee != "不收费"]
    assert charged, "some items (ID cards, passports, property registration) charge a fee"
    assert all(i.fee_basis.strip() for i in charged)
    assert sum("元" in i.fee for i in charged) >= 20


def test_guides_vary_between_items(demo_catalog):
    items = list(demo_catalog)
    assert len({i.legal_basis for i in items}) >= 100
    assert len({i.conditions for i in items}) >= 250
    assert len({i.materials for i in items}) >= 200
    assert len({i.process for i in items}) >= 20
    assert len({i.promised_days for i in items}) >= 8
    assert {i.online_depth for i in items} == {2, 3, 4}


def test_household_move_is_in_the_catalog(demo_catalog):
    names = [i.name for i in demo_catalog.by_department("公安局")]
    assert any(n.startswith("户口迁移") for n in names)


def test_codes_are_unique_and_lookup_works(demo_catalog):
    impl = [i.impl_code for i in demo_catalog]
    basic = [i.basic_code for i in demo_catalog]
    assert len(set(impl)) == len(impl) and len(set(basic)) == len(basic)
    first = demo_catalog.items[0]
    assert demo_catalog.get(first.impl_code) is first
    assert demo_catalog.get(first.basic_code.lower()) is first
    assert demo_catalog.get("NO-SUCH-CODE") is None


def test_browse_orders_follow_the_platform(demo_catalog):
    assert demo_catalog.departments()[0] == "公安局"
    assert demo_catalog.department("税务局").phone
    personal = demo_catalog.by_category("personal")
    enterprise = demo_catalog.by_category("enterprise")
    assert len(personal) + len(enterprise) == len(demo_catalog)
    assert all(i.department == "民政局" for i in demo_catalog.by_department("民政局"))
    with pytest.raises(ValueError, match="category"):
        demo_catalog.by_category("company")


def test_generation_is_deterministic():
    first = demo_data.payload()
    big = demo_data.generate(5000)
    assert first == demo_data.payload()
    assert big == demo_data.generate(5000)
    assert len(big) == 5000 and len({i["impl_code"] for i in big}) == 5000
    with pytest.raises(ValueError, match="at most"):
        demo_data.generate(10 ** 6)


def test_wire_form_round_trips(demo_catalog):
    item = demo_catalog.get("XK00101001")
    assert ServiceItem.from_dict(item.to_dict()) == item
    again = Catalog.from_payload(demo_catalog.to_payload())
    assert again.items == demo_catalog.items and again.themes() == demo_catalog.themes()


def test_english_names_for_the_english_ui(demo_catalog):
    item = demo_catalog.get("XK00101001")
    assert item.title("en") == "Household registration transfer (within the city)"
    assert item.title("zh_CN") == item.name == "户口迁移（市内迁移）"
    assert all(i.name_en for i in demo_catalog)
    assert demo_catalog.department_title("公安局", "en") == "Public Security Bureau"
    assert demo_catalog.theme_title("新生儿出生一件事", "en") == "A new baby"
    assert demo_catalog.theme_title("新生儿出生一件事", "zh_CN") == "新生儿出生一件事"
    assert demo_catalog.department_title("不存在的部门", "en") == "不存在的部门"
    bare = item.to_dict()
    del bare["name_en"]
    assert ServiceItem.from_dict(bare).title("en") == item.name   # optional on the wire


def test_derived_texts(demo_catalog):
    on_the_spot = next(i for i in demo_catalog if i.promised_days == 0)
    assert on_the_spot.promised_text.startswith("即办")
    timed = next(i for i in demo_catalog if i.promised_days > 0)
    assert timed.promised_text == f"{timed.promised_days}个工作日"
    no_limit = next(i for i in demo_catalog if i.statutory_days is None)
    assert no_limit.statutory_text == "无法定办结时限"
    assert on_the_spot.materials[0].form_label in ("原件", "复印件", "原件及复印件", "电子材料")
    printable = next(i for i in demo_catalog if i.can("print"))
    assert "打印" in printable.kiosk_note and not printable.can("fly")


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("fee"), "fee must be a non-empty string"),
    (lambda d: d.update(fee="  "), "fee must be a non-empty string"),
    (lambda d: d.update(category="company"), "category 'company'"),
    (lambda d: d.update(materials=[]), "materials must be a non-empty list"),
    (lambda d: d["materials"][0].update(form="scan"), "form 'scan'"),
    (lambda d: d.update(kiosk_actions=["print", "fax"]), "kiosk_actions"),
    (lambda d: d.update(online_depth=7), "online_depth"),
    (lambda d: d.update(promised_days="3"), "promised_days must be an integer"),
])
def test_bad_records_are_refused_naming_the_field(demo_catalog, change, message):
    data = demo_catalog.items[0].to_dict()
    change(data)
    with pytest.raises(CatalogDataError, match=message) as err:
        ServiceItem.from_dict(data)
    assert data["impl_code"] in str(err.value)


def test_empty_catalog_is_usable():
    empty = Catalog.empty()
    assert not empty and len(empty) == 0
    assert empty.departments() == [] and empty.themes() == [] and empty.get("X") is None
    with pytest.raises(CatalogDataError):
        Catalog.from_payload({"items": "nope"})


def test_duplicate_implementation_codes_are_refused(demo_catalog):
    item = demo_catalog.items[0].to_dict()
    with pytest.raises(CatalogDataError, match=f"{item['impl_code']} appears twice"):
        Catalog.from_payload({"items": [item, item]})


@pytest.mark.perf
def test_generation_is_fast():
    started = time.perf_counter()
    demo_data.payload()
    demo_data.generate(5000)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"demo data took {elapsed:.2f} s"
