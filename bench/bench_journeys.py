"""Citizen journeys through the flows (no Qt), with paced twins: the touches a citizen makes and the
seconds they wait, from the home screen to the end of the transaction.

"Print my licence" with the ID card and the face check:
  home tile -> identify with the ID card (the real driver reading the ID card twin over a pty, with
  0.8 s of card RF time) -> confirm -> face check (a real attempt, dlib, on the virtual camera's
  live scene played in real time at 25 fps, newest frame only) -> the list (reference platform,
  30 ms added to every platform round trip) -> preview (render, verify, first-page PNG) -> print
  (the CUPS stand-in: cupsd + ippeveprinter, about 1 s a page) -> Finish -> rating offered.

Touches are the taps the screens ask for at each step (counted where the journey presses them);
waiting is the wall time of the machine's work between taps, the citizen's own reading and
reaching time left out. Placing the card is not a touch of the screen. Needs root for the stand-in.
"""
from __future__ import annotations

import os
import queue
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

RTT_S = 0.030            # the platform round trip added to every call
RF_S = 0.8               # the card's RF time on a real reader
RUNS = 3


@dataclass
class Journey:
    touches: list[str] = field(default_factory=list)
    waits: dict[str, float] = field(default_factory=dict)

    def touch(self, caption: str) -> None:
        self.touches.append(caption)

    def wait(self, what: str, fn):
        started = time.perf_counter()
        result = fn()
        self.waits[what] = self.waits.get(what, 0.0) + time.perf_counter() - started
        return result

    @property
    def seconds(self) -> float:
        return sum(self.waits.values())


class PacedClient:
    """The platform client with RTT_S added to each round trip (a hall's extranet, not loopback)."""

    def __init__(self, client):
        self._client = client
        self.Error = client.Error

    def __getattr__(self, name):
        attr = getattr(self._client, name)
        if not callable(attr):
            return attr

        def paced(*args, **kwargs):
            time.sleep(RTT_S)
            return attr(*args, **kwargs)
        return paced


class CardReader:
    """The ID card area as the identify flow sees it, on the real driver and the twin."""

    def __init__(self, link: str):
        from devices.idcard.reader import IdCardReader, ReaderSettings
        from devices.virtual.idcard_twin import IdCardTwin
        self.twin = IdCardTwin(link=link, rf_delay_s=RF_S).start()
        self.events: queue.Queue = queue.Queue()
        self.state = "disconnected"
        self.driver = IdCardReader(ReaderSettings(port=link),
                                   on_event=lambda kind, payload: self.events.put((kind, payload)))
        self.driver.start()

    @property
    def available(self) -> bool:
        return self.state != "disconnected"

    def rearm(self) -> None:
        self.driver.rearm()

    def pump(self, flow, until, timeout: float = 10.0) -> None:
        """Hand the driver's events to the flow (as the bridge does on the UI thread)."""
        deadline = time.monotonic() + timeout
        while not until():
            if time.monotonic() > deadline:
                raise TimeoutError(f"reader flow stuck in {getattr(flow, 'phase', None)}")
            try:
                kind, payload = self.events.get(timeout=0.05)
            except queue.Empty:
                continue
            if kind == "state":
                self.state = payload["state"]
            if flow is not None:
                {"state": flow.on_state, "card": flow.on_card, "error": flow.on_error}[kind](payload)

    def stop(self) -> None:
        self.driver.stop()
        self.twin.stop()


class Cameras:
    """The camera area as the face check flow sees it: attempts against the card photo's face."""

    def __init__(self, analyzer, reference, face):
        from devices.camera.liveness import plan_steps
        from devices.camera.verify import FaceVerifier
        self.verifier = FaceVerifier(analyzer, face["threshold"], face["max_attempts"])
        self.verifier.set_reference(reference)
        self.face, self.plan_steps = face, plan_steps

    def new_face_check(self):
        from devices.camera.verify import FaceCheck
        return FaceCheck(self.verifier, lambda: self.plan_steps(self.face["liveness"]),
                         self.face["challenge_timeout_s"])


def face_check_live(flow, scene, fps: int = 25, timeout: float = 30.0) -> None:
    """The camera plays the scene in real time; detection takes the newest frame when it is free."""
    flow.begin(flow.make_check())
    started = time.perf_counter()
    while flow.live:
        elapsed = time.perf_counter() - started
        if elapsed > timeout:
            raise TimeoutError("face check did not finish")
        flow.on_progress(flow.check.process(scene.frame(int(elapsed * fps))))


def print_my_licence(env) -> Journey:
    from kiosk.flows import face_check, identify, identify_idcard
    from kiosk.flows.print_licences import FaceCheckSupport, PrintLicences
    from kiosk.session import Session

    j = Journey()
    session = Session()
    j.touch("home: Print my licences")
    identify.remember_destination(session, "print_licences", {})
    j.touch("identify: Resident ID card")
    flow = identify_idcard.IdCardIdentifyFlow(env.reader, session, env.config.privacy)
    flow.start()
    env.reader.twin.remove_card()
    env.reader.twin.place_card("resident")       # the citizen lays the card on the reader
    j.wait("ID card read (0.8 s RF)", lambda: env.reader.pump(
        flow, lambda: flow.phase == identify_idcard.READ))
    j.touch("ID card: Yes, this is me")
    flow.confirm()
    step = identify.next_step(session, identify.FaceCheckSupport(True, True))
    assert step.face_check_first, step
    settings = face_check.FaceCheckSettings.from_config(env.config.face)
    check = face_check.FaceCheckFlow(env.cameras, session, settings, step.task, step.params)
    check.start()
    j.wait("face check (position, liveness, compare)",
           lambda: face_check_live(check, env.scene))
    assert check.phase == face_check.CONFIRMED, check.outcome
    j.wait("face check: the match shown, then on by itself",
           lambda: time.sleep(face_check.GO_ON_AFTER_S))
    printing = PrintLicences(env.service, session, FaceCheckSupport(True, True))
    printing.open()
    j.wait("documents listed", printing.fetch_documents)
    doc = next(d for d in printing.documents if d["kind"] == "household_register")
    j.touch("list: Preview and print")
    printing.choose(doc["doc_id"])
    j.wait("preview ready (fetch, render, first page)", printing.prepare_chosen)
    j.touch("preview: Print")
    assert printing.start_printing()
    j.wait("printed (paper out)", printing.print_chosen)
    assert printing.completed, printing.result_code
    j.touch("result: Finish")
    assert printing.next_step is not None           # the rating of the print is offered next
    session.wipe()
    env.service.forget()
    return j


CASE_PERSON_CARD = "resident"          # 林示例, whose demo cases the reference platform holds


def check_my_case_by_id_card(env) -> Journey:
    """Home "Check my case" -> identify with the ID card -> the list -> one case's every step."""
    from kiosk.flows import identify, identify_idcard
    from kiosk.flows.case_progress import CaseProgress
    from kiosk.session import Session

    j = Journey()
    session = Session()
    j.touch("home: Check my case")
    j.touch("case: Identify myself and see all my cases")
    identify.remember_destination(session, "case", {})
    j.touch("identify: Resident ID card")
    flow = identify_idcard.IdCardIdentifyFlow(env.reader, session, env.config.privacy)
    flow.start()
    env.reader.twin.remove_card()
    env.reader.twin.place_card(CASE_PERSON_CARD)
    j.wait("ID card read (0.8 s RF)", lambda: env.reader.pump(
        flow, lambda: flow.phase == identify_idcard.READ))
    j.touch("ID card: Yes, this is me")
    flow.confirm()
    assert not identify.next_step(session, identify.FaceCheckSupport(True, True)).face_check_first
    cases = CaseProgress(env.cases, session)
    assert cases.open()
    j.wait("cases listed", cases.work)
    assert cases.listed and cases.cases, cases.problem
    j.touch("list: See every step")
    cases.choose(cases.cases[0].case_no)         # the timeline is on screen at once
    session.wipe()
    return j


def check_my_case_by_receipt(env) -> Journey:
    """Home "Check my case" -> scan the receipt's QR code (the QR camera's scene) -> the case."""
    from devices.camera import qr
    from kiosk.flows.case_progress import CaseProgress
    from kiosk.session import Session

    j = Journey()
    j.touch("home: Check my case")
    j.touch("case: Scan the QR code on my receipt")
    text = j.wait("QR code read (one frame decoded)", lambda: qr.decode_first(env.receipt_frame))
    cases = CaseProgress(env.cases, Session())
    assert cases.open(code=text), cases.problem
    j.wait("case shown", cases.work)
    assert cases.step == "detail", cases.problem
    return j


def case_journeys() -> None:
    """The two "check my case" journeys; no root needed (no CUPS)."""
    from types import SimpleNamespace

    import requests

    from devices.virtual import camera_twin
    from kiosk import config
    from kiosk.flows.case_source import PlatformCases
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient

    class Credential:
        def __init__(self, secret):
            self.secret = secret

        def auth_header(self):
            return {"Authorization": "Bearer " + self.secret}

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-cases-"))
    platform = PlatformServer(tmp / "platform.sqlite3").start()
    reader = CardReader(str(tmp / "ttyIDCARD"))
    try:
        secret = requests.post(platform.url + "/api/v1/kiosks/provision", timeout=10, json={
            "kiosk_id": "BENCH-CASES", "enrollment_token": platform.demo_enrollment_token,
        }).json()["credential"]
        client = PlatformClient(ClientSettings(platform.url), credential=Credential(secret))
        cases = PlatformCases(PacedClient(client))
        number = cases.for_person("990101198805160026")[0].case_no
        code = platform.admin.call(f"/api/v1/admin/cases/{number}/receipt-code", {})["code"]
        env = SimpleNamespace(config=config.defaults(), reader=reader, cases=cases,
                              receipt_frame=camera_twin.qr_scene_image(code))
        reader.pump(None, lambda: reader.available)
        by_card = [check_my_case_by_id_card(env) for _ in range(RUNS)]
        by_receipt = [check_my_case_by_receipt(env) for _ in range(RUNS)]
    finally:
        reader.stop()
        platform.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    for title, runs in (("check my case by ID card", by_card),
                        ("check my case by receipt QR", by_receipt)):
        first = runs[0]
        print(f"{title}, {RUNS} runs, median seconds waited per step")
        for what in first.waits:
            print(f"  {what:<44} {statistics.median(r.waits[what] for r in runs):6.2f} s")
        total = statistics.median(r.seconds for r in runs)
        print(f"  {'total waited, home to the case shown':<44} {total:6.2f} s "
              f"(min {min(r.seconds for r in runs):.2f}, max {max(r.seconds for r in runs):.2f})")
        print(f"  touches: {len(first.touches)}  ({'; '.join(first.touches)})")


def take_a_number(env) -> Journey:
    """Home "Take a number" -> a line with its waits -> the number -> printed (the real receipt
    service on the virtual ESC/POS printer over TCP) -> Finish, which offers the rating."""
    from kiosk.flows.queue_take import TakeNumber
    from kiosk.session import Session

    j = Journey()
    j.touch("home: Take a number")
    flow = TakeNumber(env.queue, Session(), env.receipts)
    assert flow.open()
    j.wait("lines with their waits shown", flow.load)
    j.touch("lines: Choose (社保医保)")
    flow.choose("B")
    j.touch("confirm: Take a number")
    assert flow.take()
    j.wait("number issued and printed", flow.issue)
    assert flow.step == "done", flow.code
    j.touch("ticket: Finish")
    assert flow.next_step is not None
    return j


def check_in_with_id_card(env) -> Journey:
    """Home "Take a number" -> "I have an appointment" -> identify with the ID card -> today's
    appointments -> Check in -> the appointment line's ticket printed -> Finish."""
    from kiosk.flows import identify, identify_idcard
    from kiosk.flows.appointment_checkin import CheckIn
    from kiosk.session import Session

    j = Journey()
    session = Session()
    j.touch("home: Take a number")
    j.touch("lines: I have an appointment")
    j.touch("check-in: Identify")
    identify.remember_destination(session, "appointment_checkin", {})
    j.touch("identify: Resident ID card")
    flow = identify_idcard.IdCardIdentifyFlow(env.reader, session, env.config.privacy)
    flow.start()
    env.reader.twin.remove_card()
    env.reader.twin.place_card("resident")
    j.wait("ID card read (0.8 s RF)", lambda: env.reader.pump(
        flow, lambda: flow.phase == identify_idcard.READ))
    j.touch("ID card: Yes, this is me")
    flow.confirm()
    checkin = CheckIn(env.queue, session, env.receipts)
    assert checkin.open()
    j.wait("today's appointments listed", checkin.load)
    due = next(e for e in checkin.listed if e.state.allowed)
    j.touch("appointments: Check in")
    assert checkin.start_checkin(due.appointment.code)
    j.wait("checked in and ticket printed", checkin.check_in)
    assert checkin.step == "done", checkin.code
    j.touch("ticket: Finish")
    session.wipe()
    return j


def queue_journeys() -> None:
    """Take a number, and check in with the ID card; no root needed."""
    from types import SimpleNamespace

    from devices.receipt.printer import ReceiptPrinter
    from devices.receipt.transport import NetworkTransport
    from devices.virtual.escpos_printer import VirtualEscposPrinter
    from kiosk import config
    from kiosk.flows.queue_system import QueueSystem
    from printing.audit import AuditTrail, Journal
    from printing.receipt_service import ReceiptService
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient
    from sync.credential import provision

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-queue-"))
    platform = PlatformServer(tmp / "platform.sqlite3").start()
    reader = CardReader(str(tmp / "ttyIDCARD"))
    virtual = VirtualEscposPrinter(tmp / "receipts").start()
    printer = ReceiptPrinter(lambda: NetworkTransport(*virtual.address))
    try:
        client = PlatformClient(ClientSettings(platform.url))
        client.use_credential(provision(client, platform.url, "BENCH-QUEUE",
                                        platform.demo_enrollment_token, tmp / "credential.json"))
        receipts = ReceiptService(printer, AuditTrail(Journal(tmp / "journal.jsonl")),
                                  "示范市政务服务中心", "BENCH-QUEUE")
        env = SimpleNamespace(config=config.defaults(), reader=reader, receipts=receipts,
                              queue=QueueSystem(PacedClient(client)))
        reader.pump(None, lambda: reader.available)
        numbers = [take_a_number(env) for _ in range(RUNS)]
        check_ins = []
        for run in range(RUNS):
            # each run on a new morning: the demo person's appointments are made afresh
            platform.admin.call("/api/v1/admin/queue/clock",
                                {"at": f"2026-06-0{2 + run}T10:00:00+08:00"})
            check_ins.append(check_in_with_id_card(env))
    finally:
        printer.stop()
        virtual.stop()
        reader.stop()
        platform.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    for title, runs in (("take a number", numbers), ("check in with ID card", check_ins)):
        first = runs[0]
        print(f"{title}, {RUNS} runs, median seconds waited per step")
        for what in first.waits:
            print(f"  {what:<44} {statistics.median(r.waits[what] for r in runs):6.2f} s")
        total = statistics.median(r.seconds for r in runs)
        print(f"  {'total waited, home to the ticket in hand':<44} {total:6.2f} s "
              f"(min {min(r.seconds for r in runs):.2f}, max {max(r.seconds for r in runs):.2f})")
        print(f"  touches: {len(first.touches)}  ({'; '.join(first.touches)})")


def main() -> None:
    from types import SimpleNamespace

    import cv2
    from skimage import data

    from devices.camera.face import FaceAnalyzer, FaceModels
    from devices.virtual import camera_twin
    from devices.virtual.cups_printer import CupsStandIn, missing_tools
    from kiosk import config
    from printing.audit import AuditTrail, Journal
    from printing.cups_jobs import CupsPrinter
    from printing.service import CertificateService
    from printing.source import PlatformDocuments
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient

    case_journeys()
    queue_journeys()
    if os.geteuid() != 0 or missing_tools():
        print("print my licence: skipped (the CUPS stand-in needs root and cups, cups-ipp-utils)")
        return
    cfg = config.defaults()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-journeys-"))
    platform = PlatformServer(tmp / "platform.sqlite3").start()
    cups_root = Path(tempfile.mkdtemp(prefix="kiosk-cups-bench-"))   # lp must reach it
    standin = CupsStandIn(cups_root).start()
    reader = CardReader(str(tmp / "ttyIDCARD"))
    try:
        source = PlatformDocuments(PacedClient(PlatformClient(ClientSettings(platform.url))))
        printer = CupsPrinter(standin.queue, standin.server, timeout_s=60)
        service = CertificateService(source, printer, AuditTrail(Journal(tmp / "journal.jsonl")),
                                     "BENCH", mask=lambda s: config.mask_id(s, cfg.privacy),
                                     trust_roots=source.trust_root)
        analyzer = FaceAnalyzer(FaceModels.shared())       # loaded at kiosk start, not here
        reference = cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR)
        env = SimpleNamespace(config=cfg, reader=reader, service=service, scene=camera_twin.face_scene(),
                              cameras=Cameras(analyzer, reference, cfg.face))
        reader.pump(None, lambda: reader.available)
        runs = [print_my_licence(env) for _ in range(RUNS)]
    finally:
        reader.stop()
        standin.stop()
        platform.stop()
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(cups_root, ignore_errors=True)
    first = runs[0]
    print(f"print my licence (ID card + face check), {RUNS} runs, median seconds waited per step")
    for what in first.waits:
        print(f"  {what:<44} {statistics.median(r.waits[what] for r in runs):6.2f} s")
    total = statistics.median(r.seconds for r in runs)
    print(f"  {'total waited, home to rating offered':<44} {total:6.2f} s "
          f"(min {min(r.seconds for r in runs):.2f}, max {max(r.seconds for r in runs):.2f})")
    print(f"  touches: {len(first.touches)}  ({'; '.join(first.touches)})")


if __name__ == "__main__":
    main()
