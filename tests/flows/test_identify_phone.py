"""Identify with the phone's QR code, against the real reference platform on 127.0.0.1 through
the one platform client: accepted and confirmed, and each refusal the citizen can meet (expired,
used, shown again, bound to another kiosk, not a phone code, unknown), and offline."""
from __future__ import annotations

import pytest

from kiosk.flows import identify_phone as phone
from kiosk.identity_platform import PlatformIdentity
from kiosk.session import Session
from sync.client import ClientSettings, PlatformClient
from sync.credential import provision

PERSON = "990101198805160026"             # 林示例 in reference_platform/data/identity.json
KIOSK = "KIOSK-PHONE-0001"


@pytest.fixture
def codes(platform, tmp_path):
    client = PlatformClient(ClientSettings(platform.url, connect_timeout_s=1, read_timeout_s=3))
    client.use_credential(provision(client, platform.url, KIOSK, platform.demo_enrollment_token,
                                    tmp_path / "credential.json"))
    yield PlatformIdentity(client)
    client.close()


def issue(platform, **spec) -> str:
    return platform.admin.call("/api/v1/admin/identity/phone-code",
                               {"id_number": PERSON, **spec})["code"]


def flow_for(codes, session=None, online=True) -> phone.PhoneCodeFlow:
    flow = phone.PhoneCodeFlow(codes, session or Session(), lambda: online)
    flow.start()
    return flow


def scan(flow, text) -> None:
    if flow.scanned(text):
        flow.verify()


def test_a_fresh_code_identifies_after_the_citizen_confirms(platform, codes):
    session = Session()
    flow = flow_for(codes, session)
    assert flow.phase == phone.READY
    scan(flow, issue(platform, source="essc"))
    assert flow.phase == phone.CONFIRM and session.identity is None   # not before "this is me"
    assert flow.summary == {"name": "林*例", "id_number": "990101********0026",
                            "source": "phone_essc"}
    assert flow.confirm()
    assert flow.phase == phone.IDENTIFIED
    identity = session.identity
    assert (identity.name, identity.id_number, identity.source) == ("林示例", PERSON, "phone_essc")
    assert identity.extra["birth_date"].isoformat() == "1988-05-16"


@pytest.mark.parametrize("spec, reason", [({"expired": True}, "code_expired"),
                                          ({"kiosk_id": "KIOSK-OTHER-0002"}, "wrong_kiosk")])
def test_refused_codes_say_why(platform, codes, spec, reason):
    flow = flow_for(codes)
    scan(flow, issue(platform, **spec))
    assert (flow.phase, flow.reason) == (phone.REFUSED, reason)
    assert flow.summary is None


def test_a_code_bound_to_this_kiosk_is_accepted(platform, codes):
    flow = flow_for(codes)
    scan(flow, issue(platform, kiosk_id=KIOSK))
    assert flow.phase == phone.CONFIRM


def test_a_code_used_once_is_refused_everywhere_after(platform, codes):
    code = issue(platform)
    first = flow_for(codes)
    scan(first, code)
    assert first.phase == phone.CONFIRM
    later = flow_for(codes)                    # another session: the platform says it was used
    scan(later, code)
    assert (later.phase, later.reason) == (phone.REFUSED, "code_used")


def test_a_code_shown_twice_in_a_session_is_refused_before_asking(platform, codes):
    session = Session()
    flow = flow_for(codes, session)
    code = issue(platform)
    scan(flow, code)
    flow.start()                               # "scan again"
    assert not flow.scanned(code)
    assert (flow.phase, flow.reason) == (phone.REFUSED, "code_used")


@pytest.mark.parametrize("text, reason", [("https://example.org/not-a-phone", "not_a_phone_code"),
                                          ("EID1.neverissuedbythisplatform", "unknown_code")])
def test_other_codes_are_refused(codes, text, reason):
    flow = flow_for(codes)
    scan(flow, text)
    assert (flow.phase, flow.reason) == (phone.REFUSED, reason)


def test_offline_says_the_code_needs_the_connection(platform, codes):
    assert flow_for(codes, online=False).phase == phone.OFFLINE
    flow = flow_for(codes)
    code = issue(platform)
    platform.stop()                            # the extranet drops between scan and answer
    scan(flow, code)
    assert flow.phase == phone.OFFLINE and flow.reason.startswith("platform_")
    assert flow_for(None).phase == phone.OFFLINE     # no platform client at all
