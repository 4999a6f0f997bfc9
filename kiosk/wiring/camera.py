"""Cameras for the kiosk: capture workers per role, face verification, QR scanning, document capture.

Cameras run only while a screen uses them (acquire/release): an idle kiosk films nobody. Everything
of a face or a page lives in memory and is wiped with the session (ctx.session.on_wipe).
"""
from __future__ import annotations

import logging
import threading
from devices.camera import errors
from devices.camera import qr
from devices.camera.capture import CaptureSettings, CaptureWorker, FrameLoop
from devices.camera.document import find_page
from devices.camera.document import DocumentBatch, PageSettings
from devices.camera.errors import NO_REFERENCE, CameraError
from devices.camera.face import FaceAnalyzer, FaceModels, QualityRules
from devices.camera.liveness import load_vendor_hook, plan_steps
from devices.camera.verify import FaceCheck, FaceVerifier
from kiosk.area_state import StatePart, english
from kiosk.config import ConfigError
from kiosk.wiring.platform import platform_client

log = logging.getLogger(__name__)

ROLES = ("face", "document", "qr")
PHOTO_PATH = "/api/v1/persons/photo"


class CameraArea:
    def __init__(self, ctx):
        self.ctx = ctx
        self.config = ctx.config
        self._report = ctx.bridge.callback("camera") if ctx.bridge is not None else None
        self._workers: dict[str, CaptureWorker] = {}
        self._users: dict[str, int] = {}
        self._lock = threading.Lock()
        self._models: FaceModels | None = None
        self._models_ready = threading.Event()
        self._preloading = False
        self._models_error: CameraError | None = None
        self._verifier: FaceVerifier | None = None

    # read on the UI thread (staff menu) and by the heartbeat: cached states only, no I/O
    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        with self._lock:
            lost = [(role, worker.last_error) for role, worker in sorted(self._workers.items())
                    if worker.state == "lost"]
        parts = [StatePart("%1 camera lost (%2)", (role, error.code if error else "lost"))
                 for role, error in lost]
        if self._models_error is not None:
            parts.append(StatePart("face models unavailable (%1)", (self._models_error.code,)))
        return tuple(parts) or (StatePart("ready"),)

    @property
    def state(self) -> str:
        return english(self.state_parts)

    # -- cameras ---------------------------------------------------------------------------------
    def settings(self, role: str) -> CaptureSettings:
        return CaptureSettings.from_config(self.config.camera[role])

    def acquire(self, role: str) -> CaptureWorker:
        """Start (or share) the camera of this role; pair every acquire with a release."""
        with self._lock:
            worker = self._workers.get(role)
            if worker is None:
                worker = CaptureWorker(role, self.settings(role), self._report)
                self._workers[role] = worker
            self._users[role] = self._users.get(role, 0) + 1
            worker.start()
            return worker

    def release(self, role: str) -> None:
        with self._lock:
            self._users[role] = max(0, self._users.get(role, 0) - 1)
            worker = self._workers.get(role)
            if worker is not None and self._users[role] == 0:
                worker.stop()

    def shutdown(self) -> None:
        with self._lock:
            for worker in self._workers.values():
                worker.stop()
            self._workers.clear()

    def run_on_frames(self, worker: CaptureWorker, fn, on_result, on_error=None,
                      name: str = "frames") -> FrameLoop:
        """Detection at its own pace on the newest frames, off the UI thread (see FrameLoop)."""
        return FrameLoop(worker, fn, on_result, name=name, on_error=on_error).start()

    @staticmethod
    def decode_qr(image):
        return qr.decode(image)

    @staticmethod
    def page_outline(image):
        """The page corners in 0..1 frame coordinates, or None (for the preview overlay)."""
        corners = find_page(image)
        if corners is None:
            return None
        h, w = image.shape[:2]
        return corners / [w, h]

    # -- face ------------------------------------------------------------------------------------
    def preload_models(self) -> None:
        """Load dlib's models in the background at start so the face screen does not wait."""
        if self._preloading:
            return
        self._preloading = True

        def load() -> None:
            try:
                self._models = FaceModels.shared()
            except CameraError as exc:
                self._models_error = exc
                log.error("face models unavailable: %s", exc)
            self._models_ready.set()
        threading.Thread(target=load, name="face-models", daemon=True).start()

    def models(self, timeout: float = 30.0) -> FaceModels:
        self.preload_models()              # a no-op when the load already started at wire time
        if not self._models_ready.wait(timeout):
            raise CameraError(errors.MODEL_MISSING, "face models are still loading")
        if self._models_error:
            raise self._models_error
        assert self._models is not None
        return self._models

    def analyzer(self) -> FaceAnalyzer:
        return FaceAnalyzer(self.models(), QualityRules.from_config(self.config.face))

    def verifier(self) -> FaceVerifier:
        """This session's verifier: its attempt count survives retries, not the session."""
        if self._verifier is None:
            face = self.config.face
            self._verifier = FaceVerifier(self.analyzer(), face.threshold, face.max_attempts)
            self.ctx.session.on_wipe(self._forget_verifier)
        return self._verifier

    def _forget_verifier(self) -> None:
        if self._verifier is not None:
            self._verifier.wipe()
        self._verifier = None

    def new_face_check(self, reference: bytes | bytearray | None = None) -> FaceCheck:
        """A verification attempt against the reference photo (the session identity's when None).
        Raises CameraError: no_reference, no_face (unusable reference), vendor_liveness, model_missing."""
        face = self.config.face
        vendor = load_vendor_hook(face.vendor_liveness) if face.vendor_liveness else None
        if face.liveness == "vendor" and vendor is None:
            raise CameraError(errors.VENDOR_LIVENESS,
                              "face.liveness = 'vendor' needs face.vendor_liveness to be set")
        verifier = self.verifier()
        if not verifier.has_reference:
            photo = reference if reference is not None else self.reference_photo()
            verifier.set_reference(photo)
        check = FaceCheck(verifier, lambda: plan_steps(face.liveness), face.challenge_timeout_s,
                          mirrored=self.config.camera.face.mirror, vendor_hook=vendor)
        self.ctx.session.on_wipe(check.wipe)
        return check

    def reference_photo(self) -> bytes:
        """The ID card photo when a decoder gave one, else the platform's photo on file."""
        identity = self.ctx.session.identity
        if identity is None:
            raise CameraError(NO_REFERENCE, "nobody is identified in this session")
        # the ID card screen keeps the decoded card photo (BMP) as extra["photo"]; without a vendor
        # WLT decoder it is None and only the undecodable "photo_wlt" is there
        photo = identity.extra.get("photo")
        if photo:
            return bytes(photo)
        return self._platform_photo(identity.id_number)

    def _platform_photo(self, id_number: str) -> bytes:
        """The photo on file, through the kiosk's one platform client (the ID number goes in the
        body, with the kiosk's TLS, client certificate and credential)."""
        try:
            client = platform_client(self.ctx)
        except (RuntimeError, ConfigError) as exc:   # no platform URL, or settings that cannot work
            raise CameraError(NO_REFERENCE,
                              f"no platform to ask for a reference photo ({exc})") from None
        try:
            return client.post_for_bytes(PHOTO_PATH, {"id_number": id_number})
        except client.Unavailable as exc:
            raise CameraError(NO_REFERENCE, "platform unreachable for the reference "
                              f"photo ({exc.code})") from None
        except client.Error as exc:
            raise CameraError(NO_REFERENCE,
                              f"platform has no reference photo ({exc.code})") from None

    # -- documents -------------------------------------------------------------------------------
    def new_document_batch(self) -> DocumentBatch:
        batch = DocumentBatch(PageSettings.from_config(self.config.document_capture))
        self.ctx.session.on_wipe(batch.wipe)
        return batch


def wire(ctx) -> None:
    import devices.virtual
    devices.virtual.register_all()     # "virtual:NAME" sources (the demo's and the defaults')
    service = CameraArea(ctx)
    if ctx.config.face.enabled:
        service.preload_models()
    ctx.services.camera = service
    ctx.on_shutdown(service.shutdown)
    face = ctx.config.camera.face.source
    if face.startswith("virtual:"):
        from devices.virtual import camera_twin
        ctx.add_demo_controls(camera_twin, face[len("virtual:"):], "face")
    _demo_phone(ctx)


def _demo_phone(ctx) -> None:
    """In --demo with the embedded platform, a phone that shows e-ID codes to the virtual QR
    camera (the platform's admin endpoint issues them)."""
    qr = ctx.config.camera.qr.source
    if not (ctx.demo and ctx.embedded_platform is not None and qr.startswith("virtual:")):
        return
    from devices.virtual import camera_twin
    from devices.virtual.demo_phone import DemoPhone
    admin = ctx.embedded_platform.admin

    def issue(id_number: str, **spec) -> str:
        return admin.call("/api/v1/admin/identity/phone-code",
                          {"id_number": id_number, **spec})["code"]
    name = qr[len("virtual:"):]
    ctx.add_demo_controls(DemoPhone(issue, lambda code: camera_twin.device(name).set_scene(
        f"qr:{code}")))
