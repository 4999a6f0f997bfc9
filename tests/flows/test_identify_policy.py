"""Which ways identify a citizen for a task, and whether the face check follows: the kiosk's
config [identify], narrowed by a catalogue item's own rule; face never the only way."""
from __future__ import annotations

from kiosk import config
from kiosk.catalog import IdentifyRule
from kiosk.flows.face_policy import FaceCheckSupport, face_check_required
from kiosk.flows.identify_policy import IdentifyDefaults, IdentifyPolicy, policy_for

DEFAULTS = IdentifyDefaults.from_config(config.defaults().identify)


class Item:
    def __init__(self, rule):
        self.identify = rule


def lookup(rules):
    return lambda code: Item(rules[code]) if code in rules else None


def test_the_kiosk_defaults():
    assert policy_for("home", {}, DEFAULTS) == IdentifyPolicy(("idcard", "ssc", "phone", "face"),
                                                             False)
    # documents: face login is not among the ways, and the face follows the card or code
    assert policy_for("print_licences", {}, DEFAULTS) == IdentifyPolicy(("idcard", "ssc", "phone"),
                                                                       True)


def test_an_item_narrows_the_ways_and_adds_the_face_check():
    items = lookup({"A": IdentifyRule(ways=("idcard", "phone"), face_check=True),
                    "B": IdentifyRule(face_login=False),
                    "C": IdentifyRule(ways=("idcard", "ssc", "phone", "face", "retina"))})
    assert policy_for("case", {"code": "A"}, DEFAULTS, items) == IdentifyPolicy(
        ("idcard", "phone"), True)
    assert policy_for("case", {"code": "B"}, DEFAULTS, items).ways == ("idcard", "ssc", "phone")
    # an item cannot add a way the kiosk does not offer, nor drop the kiosk's face check
    assert policy_for("case", {"code": "C"}, DEFAULTS, items).ways == DEFAULTS.ways
    narrow = IdentifyDefaults(("idcard",), frozenset({"case"}), frozenset())
    assert policy_for("case", {"code": "C"}, narrow, items) == IdentifyPolicy(("idcard",), True)
    assert policy_for("case", {"code": "unknown"}, DEFAULTS, items) == \
        policy_for("case", {}, DEFAULTS)


def test_offered_ways_are_allowed_and_present_and_face_is_never_alone():
    policy = IdentifyPolicy(("idcard", "ssc", "phone", "face"), False)
    assert policy.offered({"face", "idcard"}) == ("idcard", "face")
    assert policy.offered({"face"}) == ()
    assert IdentifyPolicy(("face",), False).offered({"idcard", "face"}) == ()


def test_the_face_check_rule_needs_a_camera_and_the_task_or_item():
    with_camera, without = FaceCheckSupport(True, True), FaceCheckSupport(True, False)
    assert face_check_required("print_licences", with_camera)
    assert not face_check_required("print_licences", without)
    assert not face_check_required("case", with_camera)
    assert face_check_required("case", with_camera, item_asks=True)
    custom = FaceCheckSupport(True, True, frozenset({"case"}))
    assert face_check_required("case", custom) and not face_check_required("print_licences", custom)


def test_the_catalogue_carries_the_rule_both_ways():
    from kiosk.catalog import ServiceItem
    from reference_platform.demo_data import items
    raw = next(i for i in items() if i["impl_code"] == "1199010001GG00107002")
    item = ServiceItem.from_dict(raw)
    assert item.identify == IdentifyRule(("idcard", "phone"), True, False)
    assert ServiceItem.from_dict(item.to_dict()) == item
    plain = ServiceItem.from_dict(items()[0])
    assert plain.identify is None and "identify" not in plain.to_dict()
