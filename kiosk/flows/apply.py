"""Apply at the kiosk (自助申报): identification first, the item's form from the platform pre-filled
from the card and the platform's person data, materials from the e-licence library (免提交) or
scanned, a signature where the item asks for one, review, and a durable submission.

Steps: identify -> loading -> form -> materials -> signature (if asked) -> review -> submitted,
or unavailable (with a code) when the item cannot be applied for here now. Methods that change
the step run on the UI thread; load() and submit() do I/O and run on a worker.

Policy held here, not in the screens:
- nothing is asked that the form does not ask, and nothing required that the guide does not list
  (the platform's form names its materials by the guide's names);
- a value is judged as it is typed and every asked field again before the materials;
- a required material to scan must have at least one accepted page; a page is accepted only when
  it is sharp enough and the page's edges were found;
- scanning is refused before it starts when the outbox would refuse the submission (disk low);
- "submitted" is said only after the outbox has the record on disk (kind `submission`, its
  idempotency key is the receipt's reference); offline that is allowed only for items that allow
  it, and the receipt says it will be sent when the connection returns;
- leaving or timing out wipes the draft: values, pages and signature are overwritten.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from kiosk.errors import KioskError
from kiosk.flows.evaluation import RatingOffer
from kiosk.forms import FormDefinition, FormState, Material, parse_definition, prefill_sources
from sync.client import UNAVAILABLE_CODES

log = logging.getLogger(__name__)

KIND = "submission"
# a page whose Laplacian variance (at SHARPNESS_WIDTH px wide) is below this is too blurry to read:
# measured on the document camera twin's pages, sharp ones score about 370, the same frames
# blurred by 0.8 px about 50 and by 1.5 px about 11 (tests/flows/test_apply.py holds both ends)
MIN_SHARPNESS = 40.0
SHARPNESS_WIDTH = 600        # judged at one size: a page upscaled to 200 dpi scores like its frame
MAX_PAGES = 20
MAX_RECORD_BYTES = 8 * 1024 * 1024     # sync.outbox.MAX_PAYLOAD_BYTES, what one record may hold


class ApplyError(KioskError):
    codes = ("not_identified", "item_not_offered", "platform_needed", "material_missing",
             "not_signed", "page_blurry", "page_not_framed", "too_many_pages",
             "submission_not_saved", "form_unavailable", "materials_too_large")


class ApplyPlatform(Protocol):
    """The platform's application endpoints (kiosk.wiring.platform.ApplyClient)."""
    def form(self, code: str) -> dict[str, Any]: ...
    def prefill(self, code: str, id_number: str, name: str) -> dict[str, Any]: ...


class Outbox(Protocol):
    """kiosk.wiring.sync.SyncArea as far as this flow asks it."""
    def enqueue(self, kind: str, payload: Any) -> Any: ...
    def status(self) -> Any: ...


class Identity(Protocol):
    name: str
    id_number: str
    extra: dict


@dataclass
class ScannedPage:
    jpeg: bytearray                # the page's image; a whole PDF for media application/pdf
    sha256: str
    media: str = "image/jpeg"

    def wipe(self) -> None:
        self.jpeg[:] = b"\0" * len(self.jpeg)


@dataclass
class MaterialState:
    material: Material
    licence: dict[str, str] | None = None      # the held e-licence that replaces paper
    pages: list[ScannedPage] = field(default_factory=list)
    page_count: int = 0                        # pages in a PDF from the document camera

    @property
    def how(self) -> str:
        """elicence (taken from the library), scan, window (bring it) or form (this form)."""
        if self.material.source == "elicence":
            return "elicence" if self.licence else "scan"   # not held: the paper is scanned
        return self.material.source

    @property
    def complete(self) -> bool:
        return self.how in ("elicence", "window", "form") or bool(self.pages) or \
            not self.material.required


def sharpness(jpeg: bytes) -> float:
    """Variance of the Laplacian of the page (a standard focus measure)."""
    import cv2
    import numpy as np
    image = cv2.imdecode(np.frombuffer(bytes(jpeg), np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        return 0.0
    height = max(1, round(image.shape[0] * SHARPNESS_WIDTH / image.shape[1]))
    image = cv2.resize(image, (SHARPNESS_WIDTH, height), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(image, cv2.CV_64F).var())


_IMAGE = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)[^>]*?/Length\s+(\d+)|"
                    rb"/Length\s+(\d+)[^>]*?/Filter\s*(\[[^\]]*\]|/\w+)", re.S)


def pdf_pages(pdf: bytes) -> list[bytes]:
    """The page images of a document camera PDF (devices.camera.document.pages_to_pdf embeds
    each page's JPEG as it was captured, raw or ASCII85-armoured as reportlab is set), in order."""
    data = bytes(pdf)
    pages = []
    for match in _IMAGE.finditer(data):
        filters = match.group(1) or match.group(4)
        if b"DCTDecode" not in filters:
            continue
        length = int(match.group(2) or match.group(3))
        start = data.find(b"stream", match.end())
        start += len(b"stream")
        start += 2 if data[start:start + 2] == b"\r\n" else 1
        stream = data[start:start + length]
        if b"ASCII85Decode" in filters:
            stream = stream.strip()
            stream = stream[2:] if stream.startswith(b"<~") else stream
            stream = stream[:-2] if stream.endswith(b"~>") else stream
            try:
                stream = base64.a85decode(stream)
            except ValueError:
                log.warning("a page of the scanned document could not be read")
                stream = b""
        pages.append(stream)
    return pages


def page_problem(jpeg: bytes, framed: bool) -> str | None:
    """Why a captured page is not accepted, or None."""
    if not framed:
        return "page_not_framed"
    if sharpness(jpeg) < MIN_SHARPNESS:
        return "page_blurry"
    return None


def card_data(identity: Identity | None) -> dict[str, str]:
    """The card's fields a form may take ("card.<name>")."""
    if identity is None:
        return {}
    extra = identity.extra or {}
    out = {"name": identity.name, "id_number": identity.id_number}
    for key in ("sex", "nation", "address"):
        if extra.get(key):
            out[key] = str(extra[key])
    if extra.get("birth_date"):
        out["birth_date"] = str(extra["birth_date"])[:10]
    return out


class ApplyFlow:
    def __init__(self, item_code: str, platform: ApplyPlatform | None, outbox: Outbox | None,
                 identity: Callable[[], Identity | None], *, kiosk_id: str = "",
                 promised_days: int = 5, clock: Callable[[], float] = time.time):
        self.item_code = item_code
        self.platform, self.outbox, self._identity = platform, outbox, identity
        self.kiosk_id, self.promised_days, self.clock = kiosk_id, promised_days, clock
        self.step = "identify" if identity() is None else "loading"
        self.code: str | None = None             # why the flow is unavailable, or the last refusal
        self.definition: FormDefinition | None = None
        self.form: FormState | None = None
        self.materials: list[MaterialState] = []
        self.signature: bytearray | None = None
        self.receipt: Any = None
        self.offline = False
        self.case_no: str | None = None          # the platform's case number, once it is known
        self.corrects: str | None = None         # the case a correction (补正) is for
        self.page_index: int | None = None       # the page a refusal is about
        self.offline_form = False                # loaded without the platform's person data
        self.next_step: RatingOffer | None = None

    # ---- identification and loading --------------------------------------------------------
    def identified(self) -> None:
        if self._identity() is not None and self.step == "identify":
            self.step = "loading"

    def load(self) -> None:
        """Worker: the form and the pre-fill from the platform."""
        who = self._identity()
        if who is None:
            self._unavailable("not_identified")
            return
        if self.platform is None:
            self._unavailable("platform_needed")
            return
        try:
            self.definition = parse_definition(self.platform.form(self.item_code))
            known = self._known(who)
        except Exception as exc:      # the client's coded errors: unreachable, not found, ...
            code = getattr(exc, "code", "") or "platform_needed"
            log.warning("application form not loaded: %s (%s)", code, type(exc).__name__)
            self._unavailable("item_not_offered" if code == "platform_not_found"
                              else "form_unavailable" if code == "form_unavailable"
                              else "platform_needed")
            return
        self.form = FormState(self.definition)
        self.form.prefill(prefill_sources(card_data(who), known.get("person") or {}))
        held = {entry["material"]: entry for entry in known.get("licences") or ()}
        self.materials = [MaterialState(m, held.get(m.name)) for m in self.definition.materials]
        self.step = "form"

    def load_correction(self, case_no: str, missing: list[str]) -> None:
        """Worker: a correction (补正) the platform asked for on case `case_no`: only the missing
        materials, scanned now; the form was filled in with the application."""
        self.load()
        if self.step != "form":
            return
        wanted = set(missing)
        self.materials = [m for m in self.materials if m.material.name in wanted]
        for state in self.materials:
            state.licence = None                  # asked again: the paper itself is wanted
            state.material = Material(state.material.name, "scan", True)
        if not self.materials:
            self._unavailable("item_not_offered")
            return
        self.corrects = case_no
        self.step = "materials"

    def _known(self, who: Identity) -> dict[str, Any]:
        """The platform's person data and held e-licences; offline (a form from the cache, for an
        item that allows it) none: the card fills what it can, e-licence materials are scanned."""
        try:
            return self.platform.prefill(self.item_code, who.id_number, who.name)
        except Exception as exc:
            if getattr(exc, "code", "") in UNAVAILABLE_CODES and self.definition.offline:
                log.info("person data not fetched (%s): the card alone fills the form", exc.code)
                self.offline_form = True
                return {}
            raise

    def _unavailable(self, code: str) -> None:
        self.step, self.code = "unavailable", code

    # ---- the form ------------------------------------------------------------------------
    def set_field(self, name: str, value: str) -> str | None:
        return self.form.set(name, value)

    def form_done(self) -> bool:
        """The citizen pressed Next on the form: True when every asked field is acceptable."""
        if self.form is None or not self.form.check_all():
            return False
        self.step = "materials"
        return True

    # ---- materials -----------------------------------------------------------------------
    def to_scan(self) -> list[MaterialState]:
        return [m for m in self.materials if m.how == "scan"]

    def scanning_refused(self) -> str | None:
        """Why scanning must not start (the outbox would refuse the submission), else None."""
        if self.outbox is None:
            return "submission_not_saved"
        status = self.outbox.status()
        if not getattr(status, "accepting", True):
            log.warning("scanning refused: the outbox refuses records (%s)",
                        getattr(status, "problem", None))
            return "submission_not_saved"
        return None

    def add_page(self, material: str, jpeg: bytes, framed: bool = True) -> str | None:
        """A captured page for `material`; returns why it was refused (None: accepted)."""
        state = self._material(material)
        if len(state.pages) >= MAX_PAGES:
            return "too_many_pages"
        problem = page_problem(jpeg, framed)
        if problem is None:
            state.pages.append(ScannedPage(bytearray(jpeg), hashlib.sha256(jpeg).hexdigest()))
        return problem

    def retake_page(self, material: str, index: int, jpeg: bytes, framed: bool = True) -> str | None:
        state = self._material(material)
        problem = page_problem(jpeg, framed)
        if problem is None:
            state.pages[index].wipe()
            state.pages[index] = ScannedPage(bytearray(jpeg), hashlib.sha256(jpeg).hexdigest())
        return problem

    def add_document(self, material: str, pdf: bytes, pages: int) -> str | None:
        """The document camera screen's result for `material`: its pages as one PDF (that
        screen lets the citizen retake, remove and reorder, and warns about a page whose edges
        it did not find). Each page is judged for sharpness here; a blurry one refuses the whole
        document (code page_blurry, page_index names it) so the citizen scans again."""
        images = pdf_pages(pdf)
        for index, jpeg in enumerate(images):
            if sharpness(jpeg) < MIN_SHARPNESS:
                self.code, self.page_index = "page_blurry", index
                return self.code
        self.code, self.page_index = None, None
        state = self._material(material)
        for old in state.pages:
            old.wipe()
        state.pages = [ScannedPage(bytearray(pdf), hashlib.sha256(pdf).hexdigest(),
                                   "application/pdf")]
        state.page_count = pages
        return None

    def remove_page(self, material: str, index: int) -> None:
        self._material(material).pages.pop(index).wipe()

    def move_page(self, material: str, index: int, to: int) -> None:
        pages = self._material(material).pages
        pages.insert(to, pages.pop(index))

    def _material(self, name: str) -> MaterialState:
        for state in self.materials:
            if state.material.name == name:
                return state
        raise KeyError(name)

    def missing_materials(self) -> list[str]:
        return [m.material.name for m in self.materials if not m.complete]

    def materials_bytes(self) -> int:
        return sum(len(p.jpeg) for m in self.materials for p in m.pages)

    def materials_done(self) -> bool:
        if self.missing_materials():
            self.code = "material_missing"
            return False
        # the pages travel inside the sealed record (base64: 4 bytes for 3); one the outbox
        # would refuse is said now, while the citizen can still take fewer or smaller pages
        if self.materials_bytes() * 4 // 3 + 64 * 1024 > MAX_RECORD_BYTES:
            self.code = "materials_too_large"
            return False
        self.code = None
        self.step = "signature" if self.definition.signature and not self.corrects else "review"
        return True

    # ---- signature -----------------------------------------------------------------------
    def sign(self, png: bytes) -> None:
        self.clear_signature()
        self.signature = bytearray(png)

    def clear_signature(self) -> None:
        if self.signature is not None:
            self.signature[:] = b"\0" * len(self.signature)
        self.signature = None

    def signature_done(self) -> bool:
        if self.definition.signature and not self.signature and not self.corrects:
            self.code = "not_signed"
            return False
        self.code = None
        self.step = "review"
        return True

    def back_to(self, step: str) -> None:
        """From the review, correct something (form, materials or signature)."""
        if step in ("form", "materials", "signature"):
            self.step = step

    # ---- review and submission ---------------------------------------------------------------
    def review(self) -> dict[str, Any]:
        """What the review screen shows: every answer, every material and how it comes."""
        return {"answers": {} if self.corrects else self.form.answers(),
                "materials": [(m.material.name, m.how, len(m.pages)) for m in self.materials],
                "signed": bool(self.signature)}

    def can_submit_offline(self) -> bool:
        return bool(self.definition and self.definition.offline)

    def submit(self, online: bool) -> None:
        """Worker: the submission sealed in the outbox, then "submitted". Offline only where the
        item allows it."""
        who = self._identity()
        if who is None:
            self._unavailable("not_identified")
            return
        if not online and not self.can_submit_offline():
            self.code = "platform_needed"
            return
        try:
            self.receipt = self.outbox.enqueue(KIND, self.payload(who))
        except Exception as exc:       # OutboxError: disk_full, corrupt, payload_too_large, ...
            # staff get the outbox's own code through its alert; the citizen one plain message
            self.code = "submission_not_saved"
            log.error("submission not saved: %s (%s)", getattr(exc, "code", ""),
                      type(exc).__name__)
            return
        self.offline = not online
        self.step, self.code = "submitted", None
        self.next_step = RatingOffer(self.item_code)
        log.info("application for %s queued as %s", self.item_code, self.receipt.key)

    def payload(self, who: Identity) -> dict[str, Any]:
        materials = []
        for state in self.materials:
            entry: dict[str, Any] = {"name": state.material.name, "how": state.how}
            if state.how == "elicence":
                entry["licence_id"] = state.licence["licence_id"]
            if state.pages:
                entry["pages"] = [{"sha256": p.sha256, "media": p.media,
                                   "data": base64.b64encode(p.jpeg).decode()}
                                  for p in state.pages]
            materials.append(entry)
        out = {"item_code": self.item_code, "kiosk_id": self.kiosk_id,
               "applicant": {"id_number": who.id_number, "name": who.name},
               "answers": {} if self.corrects else self.form.answers(), "materials": materials,
               "submitted_at": self.clock(), "promised_days": self.promised_days}
        if self.corrects:
            out["corrects"] = self.corrects
        if self.signature:
            out["signature_png"] = base64.b64encode(self.signature).decode()
        return out

    @property
    def reference(self) -> str:
        return self.receipt.key if self.receipt is not None else ""

    def print_receipt(self, printer: Any, item_name: str, promised: str, query_url: str) -> str:
        """Worker: the submission receipt (printing.receipts.submission_receipt) on the receipt
        printer; returns "completed" or the printer's code. The name on paper is masked."""
        from kiosk.flows.identify import mask_name
        from printing.receipts import submission_receipt
        if printer is None or self.receipt is None:
            return "receipt_unavailable"
        who = self._identity()
        names = [m.material.name for m in self.materials if m.how != "window"]
        reference = self.reference

        def build(width: int, hall: str, kiosk_id: str) -> bytes:
            return submission_receipt(hall, reference, item_name, mask_name(who.name if who else ""),
                                      names, promised, query_url, kiosk_id, width=width)
        try:
            printer.print_receipt("submission", reference, build)
        except Exception as exc:       # the receipt printer's coded errors
            code = getattr(exc, "code", "") or "receipt_printer"
            log.warning("submission receipt not printed: %s", code)
            return code
        return "completed"

    def case_number(self, platform: Any) -> str | None:
        """Worker: the platform's case number once the submission has arrived (None before)."""
        if self.receipt is None or platform is None:
            return None
        try:
            state = platform.submission_state(self.reference)
        except Exception as exc:      # offline or not yet: the receipt's reference stands
            log.info("case number not known yet: %s", getattr(exc, "code", type(exc).__name__))
            return None
        self.case_no = state.get("case_no") if state.get("state") == "received" else None
        return self.case_no

    # ---- the end -------------------------------------------------------------------------
    def wipe(self) -> None:
        """The session ended (done, left, or timed out): overwrite everything personal."""
        if self.form is not None:
            self.form.wipe()
        for state in self.materials:
            for page in state.pages:
                page.wipe()
            state.pages.clear()
        self.clear_signature()
        self.materials = []
