"""Citizen journeys of the ways to identify beyond the cards, through the flows (no Qt), against
the reference platform with RTT_S added to each round trip (bench.bench_journeys' conventions):

"identify by phone code": home "Identify myself" -> "Phone code (e-ID)" -> the QR camera decodes
  the code the phone shows (one frame of the virtual QR camera) -> the platform verifies it ->
  "This is me, continue".
"identify by face": home "Identify myself" -> "Face login" -> "I agree" -> the 18 characters of
  the ID number on the keypad -> "Confirm" (the person and photo on file) -> a real face check
  (dlib, the virtual camera's live scene in real time at 25 fps) -> identified.
"""
from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from bench.bench_journeys import RUNS, Journey, PacedClient, face_check_live

PERSON = "990101198805160026"


def by_phone(identity, admin, frame_of) -> Journey:
    from devices.camera import qr
    from kiosk.flows.identify_phone import CONFIRM, PhoneCodeFlow
    from kiosk.session import Session

    j = Journey()
    session = Session()
    j.touch("home: Identify myself")
    j.touch("identify: Phone code (e-ID)")
    flow = PhoneCodeFlow(identity, session, lambda: True)
    flow.start()
    code = admin.call("/api/v1/admin/identity/phone-code", {"id_number": PERSON})["code"]
    text = j.wait("QR code read (one frame decoded)", lambda: qr.decode_first(frame_of(code)))
    assert flow.scanned(text)
    j.wait("code verified by the platform", flow.verify)
    assert flow.phase == CONFIRM, flow.reason
    j.touch("phone: This is me, continue")
    flow.confirm()
    session.wipe()
    return j


def by_face(identity, cameras, scene, settings) -> Journey:
    from kiosk.flows.face_check import CONFIRMED
    from kiosk.flows.identify_face import READY, FaceLoginFlow
    from kiosk.session import Session

    j = Journey()
    session = Session()
    j.touch("home: Identify myself")
    j.touch("identify: Face login")
    flow = FaceLoginFlow(identity, session, "home")
    j.touch("consent: I agree, continue")
    flow.agree()
    for char in PERSON:
        j.touch(f"keypad: {char}")
        flow.key(char)
    j.touch("keypad: Confirm")
    assert flow.submit()
    j.wait("person and photo on file", flow.look_up)
    assert flow.phase == READY, flow.reason
    check = flow.face_check(cameras, settings, "home", {})
    check.start()
    j.wait("face check (live, liveness challenge)", lambda: face_check_live(check, scene))
    assert check.phase == CONFIRMED, check.outcome
    session.wipe()
    return j


class LoginCameras:
    """The camera area as face login asks it (a fresh verifier per citizen, as per session)."""

    def __init__(self, analyzer, face):
        self.analyzer, self.face = analyzer, face

    def new_face_check(self, reference=None):
        from devices.camera.liveness import plan_steps
        from devices.camera.verify import FaceCheck, FaceVerifier
        verifier = FaceVerifier(self.analyzer, self.face["threshold"], self.face["max_attempts"])
        verifier.set_reference(reference)
        return FaceCheck(verifier, lambda: plan_steps(self.face["liveness"]),
                         self.face["challenge_timeout_s"])


def report(title: str, end: str, runs: list[Journey]) -> None:
    first = runs[0]
    print(f"{title}, {RUNS} runs, median seconds waited per step")
    for what in first.waits:
        print(f"  {what:<44} {statistics.median(r.waits[what] for r in runs):6.2f} s")
    total = statistics.median(r.seconds for r in runs)
    print(f"  {'total waited, ' + end:<44} {total:6.2f} s "
          f"(min {min(r.seconds for r in runs):.2f}, max {max(r.seconds for r in runs):.2f})")
    print(f"  touches: {len(first.touches)}")


def main() -> None:
    from devices.camera.face import FaceAnalyzer, FaceModels
    from devices.virtual import camera_twin
    from kiosk import config
    from kiosk.flows.face_check import FaceCheckSettings
    from kiosk.identity_platform import PlatformIdentity
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision

    cfg = config.defaults()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-identify-"))
    platform = PlatformServer(tmp / "platform.sqlite3").start()
    try:
        client = PlatformClient(ClientSettings(platform.url))
        client.use_credential(provision(client, platform.url, "BENCH-IDENTIFY",
                                        platform.demo_enrollment_token, tmp / "credential.json"))
        identity = PlatformIdentity(PacedClient(client))
        phone = [by_phone(identity, platform.admin, camera_twin.qr_scene_image)
                 for _ in range(RUNS)]
        cameras = LoginCameras(FaceAnalyzer(FaceModels.shared()), cfg.face)
        face = [by_face(identity, cameras, camera_twin.face_scene(),
                        FaceCheckSettings.from_config(cfg.face)) for _ in range(RUNS)]
    finally:
        platform.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    report("identify by phone code", "home to identified", phone)
    report("identify by face (face login)", "home to identified", face)


if __name__ == "__main__":
    main()
