"""Face login without Qt: consent, the ID number with its check digit, the person on file from the
real reference platform (through the one client), then a real face check (dlib's models on the
virtual camera's scenes) against the platform's photo on file; the session gets the identity only
on a match, and only the outcome is recorded for the platform."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from devices.camera.liveness import BLINK, TURN_RIGHT
from devices.camera.verify import FaceCheck, FaceVerifier
from kiosk import config
from kiosk.flows import face_check as f
from kiosk.flows import identify_face as face
from kiosk.flows.face_policy import face_verified
from kiosk.identity_platform import PlatformIdentity
from kiosk.session import Session
from sync.client import ClientSettings, PlatformClient
from sync.credential import provision

FPS = 25
SETTINGS = f.FaceCheckSettings.from_config(config.defaults().face)
ON_FILE = "990101198805160026"           # 林示例: a person and a photo on file
NO_PERSON = "990109200001010015"          # a valid number nobody on file has


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def client(platform, tmp_path):
    client = PlatformClient(ClientSettings(platform.url, connect_timeout_s=1, read_timeout_s=5))
    client.use_credential(provision(client, platform.url, "KIOSK-FACE-0001",
                                    platform.demo_enrollment_token, tmp_path / "credential.json"))
    yield client
    client.close()


@pytest.fixture(scope="module")
def analyzer():
    from devices.camera.face import FaceAnalyzer, FaceModels
    return FaceAnalyzer(FaceModels.shared())


class Cameras:
    """The camera area as face login asks it: attempts against the reference it is given, with
    the session's verifier (as kiosk.wiring.camera.CameraArea builds them)."""

    def __init__(self, analyzer, clock, timeout_s=10.0):
        self.clock, self.timeout_s = clock, timeout_s
        self.verifier = FaceVerifier(analyzer, SETTINGS.threshold, SETTINGS.max_attempts)
        self.references: list[bytes] = []

    def new_face_check(self, reference=None):
        self.references.append(reference)
        if not self.verifier.has_reference:
            self.verifier.set_reference(reference)
        return FaceCheck(self.verifier, lambda: [BLINK, TURN_RIGHT], self.timeout_s,
                         clock=self.clock)


def typed(flow, text):
    for char in text:
        flow.key(char)


def login(client, session, records, task="home"):
    flow = face.FaceLoginFlow(PlatformIdentity(client), session, task,
                              record=lambda kind, payload: records.append((kind, payload)))
    flow.agree()
    return flow


def run_attempt(check_flow, scene, clock):
    if check_flow.phase == f.STARTING and check_flow.check is None:
        check_flow.begin(check_flow.make_check())
    start = clock.now
    for index in range(0, 15 * FPS, 2):
        if not check_flow.live:
            return
        clock.now = start + index / FPS
        check_flow.on_progress(check_flow.check.process(scene.frame(index)))


def test_consent_comes_first_and_declining_compares_nothing():
    flow = face.FaceLoginFlow(None, Session(), "home")
    assert flow.phase == face.CONSENT
    typed(flow, ON_FILE)
    assert flow.typed == ""                   # no typing before consent
    flow.decline()
    assert flow.phase == face.DECLINED and not flow.submit()


def test_the_id_number_is_checked_as_typed():
    flow = face.FaceLoginFlow(None, Session(), "home")
    flow.agree()
    typed(flow, "99010119880516002")
    assert flow.problem is None and not flow.can_submit          # incomplete: nothing said yet
    flow.key("7")                                                 # wrong check digit
    assert flow.problem == "id_number_check_digit" and not flow.submit()
    flow.delete()
    flow.key("X")                                                 # X only as the last character
    assert flow.typed.endswith("X") and flow.problem == "id_number_check_digit"
    flow.delete()
    flow.key("6")
    assert flow.can_submit and flow.typed == ON_FILE
    flow.key("1")
    assert flow.typed == ON_FILE                                  # 18 characters at most


def test_a_live_face_matching_the_photo_on_file_identifies(client, analyzer):
    from devices.virtual import camera_twin
    session, records, clock = Session(), [], Clock()
    flow = login(client, session, records)
    typed(flow, ON_FILE)
    assert flow.submit()
    flow.look_up()
    assert flow.phase == face.READY and session.identity is None   # not before the match
    photo = bytes(flow.photo)
    assert photo[:2] == b"\xff\xd8"                                # the JPEG on file
    cameras = Cameras(analyzer, clock)
    check = flow.face_check(cameras, SETTINGS, "home", {})
    assert check.start()
    run_attempt(check, camera_twin.face_scene(), clock)
    assert check.outcome == f.Outcome("ok", "match")
    assert flow.phase == face.IDENTIFIED and cameras.references == [photo]
    assert not flow.photo                                            # dropped once matched
    assert (session.identity.name, session.identity.source) == ("林示例", "face")
    assert face_verified(session)
    assert records == [("identity_event", {"way": "face", "task": "home", "result": "match"})]


def test_a_photo_held_up_does_not_identify_and_attempts_run_out(client, analyzer):
    from devices.virtual import camera_twin
    session, records, clock = Session(), [], Clock()
    flow = login(client, session, records)
    typed(flow, ON_FILE)
    flow.submit()
    flow.look_up()
    check = flow.face_check(Cameras(analyzer, clock, timeout_s=1.0), SETTINGS, "home", {})
    check.start()
    photo = camera_twin.PhotoScene()
    run_attempt(check, photo, clock)
    assert check.phase == f.NOT_CONFIRMED
    for _ in range(SETTINGS.max_attempts - 1):
        check.retry()
        run_attempt(check, photo, clock)
    assert check.phase == f.ASK_STAFF and check.attempts_left == 0
    flow.face_failed(check.outcome.reason)
    assert session.identity is None and flow.phase == face.READY
    assert records[-1][1]["result"] == check.outcome.reason
    held = flow.photo
    session.wipe()                                                   # the citizen walks away
    assert not any(held) and flow.pending is None


@pytest.mark.parametrize("id_number, task, reason", [(NO_PERSON, "home", "not_on_file"),
                                                     (ON_FILE, "print_licences",
                                                      "face_login_refused")])
def test_refusals_from_the_platform(client, id_number, task, reason):
    session, records = Session(), []
    flow = login(client, session, records, task)
    typed(flow, id_number)
    assert flow.submit()
    flow.look_up()
    assert (flow.phase, flow.reason) == (face.REFUSED, reason) and flow.pending is None
    assert records == [("identity_event", {"way": "face", "task": task, "result": "refused"})]


def test_offline_and_no_platform(platform, client):
    flow = login(client, Session(), [])
    typed(flow, ON_FILE)
    flow.submit()
    platform.stop()
    flow.look_up()
    assert flow.phase == face.OFFLINE and flow.reason.startswith("platform_")
    alone = face.FaceLoginFlow(None, Session(), "home")
    alone.agree()
    typed(alone, ON_FILE)
    assert not alone.submit() and alone.phase == face.OFFLINE


def test_a_full_outbox_does_not_undo_the_login(client):
    def refuse(kind, payload):
        raise OSError("disk full")
    flow = face.FaceLoginFlow(PlatformIdentity(client), Session(), "home", record=refuse)
    flow.agree()
    typed(flow, NO_PERSON)
    flow.submit()
    flow.look_up()
    assert flow.phase == face.REFUSED
