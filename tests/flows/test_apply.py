"""The application flow without Qt: every step, every rule a value must meet, the materials, the
signature, the submission into the outbox and the wipe."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import cv2
import numpy as np
import pytest

from devices.idcard.gb11643 import complete
from kiosk.flows.apply import ApplyFlow, page_problem, sharpness
from kiosk.forms import Field, check_value, parse_definition
from kiosk.session import Identity
from reference_platform.routes_apply import FORMS, credit_code, held_licences, person_data

ID = complete("99010219800501123")
RENT = "1199010006GG00602002"          # conditional fields, no signature, offline allowed
PERMIT = "1199010001GG00106001"        # signature, a material only seen at a window
PENSION_OUT = "1199010002GG00206002"   # every material from the e-licence library
SHOP = "1199010003XK00304001"          # enterprise, online only


class FakePlatform:
    def __init__(self, down: bool = False):
        self.down = down

    def form(self, code):
        if self.down:
            raise ConnectionError("down")
        return FORMS[code]

    def prefill(self, code, id_number, name):
        return {"person": person_data(id_number, name), "licences": held_licences(FORMS[code], id_number)}


@dataclass
class Receipt:
    key: str


@dataclass
class Status:
    accepting: bool = True
    problem: str | None = None


@dataclass
class FakeOutbox:
    records: list = field(default_factory=list)
    state: Status = field(default_factory=Status)
    fail: Exception | None = None

    def enqueue(self, kind, payload):
        if self.fail:
            raise self.fail
        self.records.append((kind, payload))
        return Receipt(f"key-{len(self.records):04d}")

    def status(self):
        return self.state


def identity():
    return Identity("idcard", "张三", ID, {"sex": "男", "nation": "汉", "birth_date": dt.date(1980, 5, 1),
                                          "address": "示范市东湖区和平路1号"})


def page(sharp: bool = True) -> bytes:
    rng = np.random.default_rng(1)
    image = np.full((800, 600), 255, np.uint8)
    for y in range(60, 760, 30):
        image[y:y + 8, 40:40 + int(rng.integers(200, 520))] = 0     # lines of "text"
    if not sharp:
        image = cv2.GaussianBlur(image, (0, 0), 9)
    return cv2.imencode(".jpg", image)[1].tobytes()


def flow(code=RENT, platform=None, outbox=None, who=identity):
    f = ApplyFlow(code, platform or FakePlatform(), outbox if outbox is not None else FakeOutbox(),
                  who, kiosk_id="K1")
    f.load()
    return f


def test_identification_comes_first():
    person = {"who": None}
    f = ApplyFlow(RENT, FakePlatform(), FakeOutbox(), lambda: person["who"])
    assert f.step == "identify"
    f.identified()
    assert f.step == "identify"
    person["who"] = identity()
    f.identified()
    f.load()
    assert f.step == "form"


def test_the_form_is_prefilled_from_the_card_and_the_person_data():
    f = flow(PERMIT)
    values = f.form.values
    assert values["name"] == "张三" and values["id_number"] == ID
    assert values["sex"] == "男" and values["nation"] == "汉" and values["birth_date"] == "1980-05-01"
    assert values["phone"] == person_data(ID, "张三")["phone"]         # the platform's data
    assert {"name", "phone", "region"} <= f.form.prefilled
    assert not f.form.problems


def test_conditional_fields_are_asked_only_when_their_condition_holds():
    f = flow(RENT)
    asked = lambda: [x.name for x in f.form.asked()]   # noqa: E731
    assert "lease_number" not in asked() and "monthly_rent" not in asked()
    f.set_field("lease_registered", "yes")
    assert "lease_number" in asked() and "monthly_rent" not in asked()
    assert not f.form_done() and f.form.problems == {"lease_number": "field_required",
                                                      "lease_start": "field_required"}
    f.set_field("lease_registered", "no")
    assert "lease_number" not in f.form.problems


@pytest.mark.parametrize("kind, value, problem", [
    ("id_number", "99010219800501123", "id_number_shape"),
    ("id_number", ID[:17] + ("0" if ID[17] != "0" else "1"), "id_number_check_digit"),
    ("id_number", complete("99010218000101123"), "id_number_birth_date"),
    ("id_number", ID, None),
    ("phone", "1380013800", "phone_shape"), ("phone", "12800138000", "phone_shape"),
    ("phone", "13800138000", None), ("phone", "0999-66011101", None),
    ("date", "2026-13-01", "date_not_real"), ("date", "2026-02-30", "date_not_real"),
    ("date", "1.5.2026", "date_shape"), ("date", "1850-01-01", "date_out_of_range"),
    ("date", "20260131", None), ("date", "2026-01-31", None),
    ("postcode", "99010", "postcode_shape"), ("postcode", "99010a", "postcode_shape"),
    ("postcode", "990102", None),
    ("region", "99010", "region_shape"), ("region", "000101", "region_unknown"),
    ("region", "440100", None),
    ("digits", "12a", "digits_shape"), ("digits", "1200", None),
    ("credit_code", "92990100ABC", "credit_code_shape"),
    ("credit_code", credit_code(b"123456789")[:17] + "0" if credit_code(b"123456789")[17] != "0"
     else credit_code(b"123456789")[:17] + "1", "credit_code_check"),
    ("credit_code", credit_code(b"123456789"), None),
])
def test_each_rule(kind, value, problem):
    assert check_value(Field("f", {}, kind), value, today=dt.date(2026, 12, 1)) == problem


def test_choices_lengths_and_known_regions():
    f = parse_definition(FORMS[SHOP])
    region = f.field("premises_region")
    assert check_value(region, "990102") is None
    assert check_value(region, "440100") == "region_unknown"      # not a district of this hall
    assert check_value(Field("c", {}, "choice", choices=region.choices), "x") == "choice_unknown"
    assert check_value(Field("t", {}, "text", max_length=3), "四个字啊") == "too_long"
    assert check_value(Field("t", {}, "digits", min_length=8), "1234") == "too_short"


def test_a_problem_is_given_as_typed_and_cleared_when_corrected():
    f = flow(RENT)
    assert f.set_field("phone", "1380013") == "phone_shape"
    assert f.form.problems["phone"] == "phone_shape"
    assert f.set_field("phone", "13800138000") is None
    assert "phone" not in f.form.problems
    assert f.set_field("phone", "") == "field_required"


def fill_rent(f):
    f.set_field("lease_registered", "yes")
    f.set_field("lease_number", "20261234")
    f.set_field("lease_start", "2026-03-01")
    assert f.form_done()


def test_materials_held_as_e_licences_need_nothing_and_the_rest_is_scanned():
    f = flow(RENT)
    fill_rent(f)
    assert [(m.material.name, m.how) for m in f.materials] == [
        ("申请人居民身份证", "elicence"), ("本人社会保障卡或银行账户信息", "elicence"),
        ("住房租赁备案证明或承诺书", "scan")]
    assert f.materials[0].licence["licence_id"].startswith("EL")
    assert not f.materials_done() and f.code == "material_missing"
    assert f.missing_materials() == ["住房租赁备案证明或承诺书"]


def test_a_person_without_licences_scans_the_paper_instead():
    other = Identity("idcard", "李四", complete("11010519491231002"), {})
    f = flow(PENSION_OUT, who=lambda: other)
    assert [m.how for m in f.materials] == ["scan"]


def test_an_item_fully_covered_by_e_licences_goes_straight_on():
    f = flow(PENSION_OUT)
    f.set_field("destination_region", "440100")
    assert f.form_done()
    assert f.to_scan() == [] and f.materials_done() and f.step == "review"


def test_pages_are_checked_then_retaken_reordered_and_removed():
    assert sharpness(page()) > 300 > 40 > sharpness(page(sharp=False))
    assert page_problem(page(sharp=False), True) == "page_blurry"
    assert page_problem(page(), False) == "page_not_framed"
    f = flow(RENT)
    fill_rent(f)
    name = "住房租赁备案证明或承诺书"
    assert f.add_page(name, page(sharp=False)) == "page_blurry"
    assert f.add_page(name, page(), framed=False) == "page_not_framed"
    assert f._material(name).pages == []
    for _ in range(3):
        assert f.add_page(name, page()) is None
    pages = f._material(name).pages
    first = pages[0].jpeg
    other = page()[:-2] + b"\xff\xd9"   # a different, still decodable page
    assert f.retake_page(name, 0, other) is None
    assert not any(first) and pages[0].jpeg == bytearray(other)     # the old page overwritten
    f.move_page(name, 0, 2)
    assert pages[2].jpeg == bytearray(other)
    f.remove_page(name, 2)
    assert len(pages) == 2
    assert f.materials_done() and f.step == "review"


def test_scanning_is_refused_before_it_starts_when_the_disk_is_low():
    box = FakeOutbox(state=Status(accepting=False, problem="disk_full"))
    f = flow(RENT, outbox=box)
    assert f.scanning_refused() == "submission_not_saved"
    assert flow(RENT).scanning_refused() is None


def test_a_signature_item_cannot_skip_the_signature():
    f = flow(PERMIT)
    f.set_field("reason", "work")
    f.set_field("living_address", "示范市东湖区和平路1号")
    assert f.form_done()
    f.add_page("劳动合同、租赁合同或就读证明之一", page())
    assert [m.how for m in f.materials] == ["elicence", "window", "elicence", "scan"]
    assert f.materials_done() and f.step == "signature"
    assert not f.signature_done() and f.code == "not_signed"
    f.sign(b"\x89PNG signature")
    kept = f.signature
    f.sign(b"\x89PNG again")                 # redo: the first one is overwritten
    assert not any(kept)
    assert f.signature_done() and f.step == "review"


def test_submitting_puts_one_sealed_record_in_the_outbox_and_offers_the_rating():
    box = FakeOutbox()
    f = flow(RENT, outbox=box)
    fill_rent(f)
    f.add_page("住房租赁备案证明或承诺书", page())
    f.materials_done()
    f.submit(online=True)
    assert f.step == "submitted" and f.reference == "key-0001" and not f.offline
    (kind, payload), = box.records
    assert kind == "submission" and payload["item_code"] == RENT
    assert payload["answers"]["lease_number"] == "20261234"
    assert "monthly_rent" not in payload["answers"]
    assert payload["materials"][0]["licence_id"].startswith("EL")
    import base64
    import hashlib
    scanned = payload["materials"][2]["pages"][0]
    assert hashlib.sha256(base64.b64decode(scanned["data"])).hexdigest() == scanned["sha256"]
    assert f.next_step.item_code == RENT


def test_offline_only_where_the_item_allows_it():
    f = flow(RENT)
    fill_rent(f)
    f.add_page("住房租赁备案证明或承诺书", page())
    f.materials_done()
    f.submit(online=False)
    assert f.step == "submitted" and f.offline
    shop = flow(SHOP, outbox=FakeOutbox())
    shop.step = "review"
    shop.submit(online=False)
    assert shop.step == "review" and shop.code == "platform_needed"


def test_an_outbox_refusal_is_never_called_submitted():
    from sync.outbox import OutboxError
    box = FakeOutbox(fail=OutboxError("disk_full", "no space"))
    f = flow(PENSION_OUT, outbox=box)
    f.set_field("destination_region", "440100")
    f.form_done()
    f.materials_done()
    f.submit(online=True)
    assert f.step == "review" and f.code == "submission_not_saved" and f.receipt is None


def test_the_platform_down_or_an_item_not_offered_says_so():
    assert flow(RENT, platform=FakePlatform(down=True)).code == "platform_needed"
    f = ApplyFlow(RENT, None, FakeOutbox(), identity)
    f.load()
    assert f.step == "unavailable" and f.code == "platform_needed"


def test_leaving_half_way_wipes_the_draft_and_every_page():
    f = flow(PERMIT)
    f.set_field("reason", "work")
    f.form_done()
    f.add_page("劳动合同、租赁合同或就读证明之一", page())
    pages = list(f._material("劳动合同、租赁合同或就读证明之一").pages)
    f.sign(b"\x89PNG signature")
    signature = f.signature
    f.wipe()
    assert f.form.values == {} and f.materials == [] and f.signature is None
    assert not any(pages[0].jpeg) and not any(signature)


def test_every_form_names_only_materials_its_guide_lists():
    import json
    from pathlib import Path
    catalog = json.loads((Path(__file__).parents[2] / "reference_platform" / "data" /
                          "catalog.json").read_text("utf-8"))
    guides = {item["impl_code"]: {m["name"] for m in item["materials"]} for item in catalog["items"]}
    assert len(FORMS) >= 8
    for code, form in FORMS.items():
        definition = parse_definition(form)
        assert {m.name for m in definition.materials} <= guides[code], code
    kinds = {parse_definition(f).subject for f in FORMS.values()}
    assert kinds == {"personal", "enterprise"}


class FakeReceipts:
    def __init__(self, fail=None):
        self.printed, self.fail = [], fail

    def print_receipt(self, kind, ref, build):
        if self.fail:
            raise self.fail
        self.printed.append((kind, ref, build(48, "示范市政务服务中心", "K1")))
        return {}


def submitted_flow():
    f = flow(PENSION_OUT)
    f.set_field("destination_region", "440100")
    f.form_done()
    f.materials_done()
    f.submit(online=True)
    return f


def test_the_receipt_names_the_reference_and_masks_the_name():
    f = submitted_flow()
    printer = FakeReceipts()
    assert f.print_receipt(printer, "基本养老保险关系转移接续", "5个工作日", f.reference) == "completed"
    (kind, ref, data), = printer.printed
    import re
    # Chinese runs sit between the printer's FS & / FS . mode switches: read the text without them
    text = re.sub(r"\x1c[&.]", "", data.decode("gb18030", errors="ignore"))
    assert kind == "submission" and ref == f.reference
    assert "张*" in text and "张三" not in text and "申请人居民身份证" in text
    from devices.receipt.errors import ReceiptPrinterError
    failing = FakeReceipts(fail=ReceiptPrinterError("no paper", "paper_out"))
    assert f.print_receipt(failing, "x", "", f.reference) == "paper_out"
    assert f.print_receipt(None, "x", "", f.reference) == "receipt_unavailable"


def test_the_case_number_follows_once_the_platform_has_the_submission():
    f = submitted_flow()

    class Cases:
        def __init__(self):
            self.answers = [{"reference": f.reference, "state": "unknown"},
                            {"reference": f.reference, "state": "received", "case_no": "SL-1"}]

        def submission_state(self, reference):
            return self.answers.pop(0)
    cases = Cases()
    assert f.case_number(cases) is None
    assert f.case_number(cases) == "SL-1" and f.case_no == "SL-1"


def test_materials_the_outbox_could_not_hold_are_said_before_the_review():
    from sync.outbox import MAX_PAYLOAD_BYTES
    from kiosk.flows.apply import MAX_RECORD_BYTES
    assert MAX_RECORD_BYTES == MAX_PAYLOAD_BYTES
    f = flow(RENT)
    fill_rent(f)
    f.add_document("住房租赁备案证明或承诺书", b"%PDF" + bytes(7 * 1024 * 1024), 30)
    assert not f.materials_done() and f.code == "materials_too_large" and f.step == "materials"
    f.add_document("住房租赁备案证明或承诺书", b"%PDF" + bytes(1024), 1)
    assert f.materials_done() and f.step == "review"


@pytest.mark.parametrize("blur, accepted", [(0, True), (1.5, False), (3, False)])
def test_pages_from_the_document_camera_are_judged_for_sharpness(blur, accepted):
    from devices.camera.document import PageSettings, process_page
    from devices.virtual import camera_twin
    from kiosk import config
    frame = camera_twin.document_scene_image(1)
    if blur:
        frame = cv2.GaussianBlur(frame, (0, 0), blur)
    page = process_page(frame, PageSettings.from_config(config.defaults().document_capture))
    assert page.found_outline
    assert (page_problem(bytes(page.jpeg), page.found_outline) is None) is accepted


@pytest.mark.parametrize("armoured", [True, False])     # printing.documents turns ASCII85 off
def test_a_scanned_document_with_a_blurry_page_is_refused_naming_the_page(armoured, monkeypatch):
    from reportlab import rl_config
    monkeypatch.setattr(rl_config, "useA85", 1 if armoured else 0)
    from devices.camera.document import PageSettings, pages_to_pdf, process_page
    from devices.virtual import camera_twin
    from kiosk import config
    from kiosk.flows.apply import pdf_pages
    settings = PageSettings.from_config(config.defaults().document_capture)
    sharp = [process_page(camera_twin.document_scene_image(n), settings) for n in (1, 2)]
    blurry = process_page(cv2.GaussianBlur(camera_twin.document_scene_image(3), (0, 0), 2), settings)
    assert pdf_pages(pages_to_pdf(sharp + [blurry])) == [bytes(p.jpeg) for p in sharp + [blurry]]
    f = flow(RENT)
    fill_rent(f)
    name = "住房租赁备案证明或承诺书"
    assert f.add_document(name, pages_to_pdf([sharp[0], blurry, sharp[1]]), 3) == "page_blurry"
    assert f.page_index == 1 and f._material(name).pages == []
    assert f.add_document(name, pages_to_pdf(sharp), 2) is None
    assert f.code is None and f._material(name).page_count == 2
    assert f.materials_done()
