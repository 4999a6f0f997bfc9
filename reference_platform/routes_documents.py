"""Documents and e-licences of identified persons, for the kiosk's "print my licences".

The platform is the issuer's side: it owns the seals (synthetic PNGs drawn at start), a test signing
certificate (generated once per database, kept in the documents_keys table), the serial numbers and
the verification codes the printed QR carries. Documents are either data (the kiosk renders them
from a template) or signed PDFs (the kiosk verifies the signature and prints them unchanged).

A person's documents are generated on first query, deterministically from the ID number, so any
synthetic identity the virtual card reader presents has documents; the issuers, document kinds,
name pools and other synthetic material come from data/documents.json. The ID number travels in a POST
body, never in a URL (URLs end up in logs).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import math
import random
import secrets
import uuid
from pathlib import Path
from typing import Any

from fastapi import Depends, Query, Request
from starlette.responses import Response

from reference_platform.auth import (CitizenSession, citizen_refusals, kiosk_refusal,
                                     require_citizen, require_kiosk)
from reference_platform.models import Document, DocumentList, DocumentQuery, Verification
from reference_platform.openapi import binary, body, error
from reference_platform.web import HttpError, parse_body, raw_body

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,            -- sha256 of the ID number: lookups without storing it twice
    kind TEXT NOT NULL,
    serial TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,           -- 'data' or 'signed-pdf'
    payload TEXT NOT NULL,          -- JSON: holder, rows, issuer, dates
    signed_pdf BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_owner ON documents(owner);
CREATE TABLE IF NOT EXISTS documents_keys (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"""

FONT = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0)
DEMO = json.loads((Path(__file__).with_name("data") / "documents.json").read_text("utf-8"))
ISSUERS: dict[str, str] = DEMO["issuers"]
# kind: (title, issuer key, format, validity days)
KINDS = {kind: (k["title"], k["issuer"], k["format"], k["valid_days"])
         for kind, k in DEMO["kinds"].items()}
_SURNAMES, _GIVEN = DEMO["surnames"], DEMO["given_names"]


# -- keys, seals and signing ------------------------------------------------------------------------

class _Issuing:
    """Per-process material: seals (drawn once) and the signing identity (persisted once per DB)."""

    def __init__(self, store):
        self.store = store
        self.seals = {key: draw_seal(name) for key, name in ISSUERS.items()}
        self.secret = self._key("verify_secret", lambda: secrets.token_bytes(32))
        self.ca_pem = self._key("ca_cert", None)
        if self.ca_pem is None:
            ca_cert, ca_key, cert, key = make_test_pki()
            for name, value in (("ca_cert", ca_cert), ("ca_key", ca_key), ("signer_cert", cert),
                                ("signer_key", key)):
                self.store.execute("INSERT OR IGNORE INTO documents_keys VALUES (?, ?)", (name, value))
            self.ca_pem = self._key("ca_cert", None)
        self.signer_pem = (self._key("signer_cert", None), self._key("signer_key", None))

    def _key(self, name: str, make) -> bytes | None:
        row = self.store.execute("SELECT value FROM documents_keys WHERE name = ?", (name,)).fetchone()
        if row is None and make is not None:
            self.store.execute("INSERT OR IGNORE INTO documents_keys VALUES (?, ?)", (name, make()))
            row = self.store.execute("SELECT value FROM documents_keys WHERE name = ?",
                                     (name,)).fetchone()
        return bytes(row["value"]) if row else None

    def check(self, serial: str) -> str:
        return hmac.new(self.secret, serial.encode(), hashlib.sha256).hexdigest()[:12]


def make_test_pki() -> tuple[bytes, bytes, bytes, bytes]:
    """A throwaway CA and a document-signing certificate it issued (PEM), valid for ten years."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    later = now + dt.timedelta(days=3650)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kiosk Reference Platform (TEST)"),
                          x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("Reference Platform Test CA"))
          .issuer_name(name("Reference Platform Test CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(later)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                         critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name("Reference Platform Document Signer"))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(later)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                           critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    raw = serialization.PrivateFormat.PKCS8
    return (ca.public_bytes(pem),
            ca_key.private_bytes(pem, raw, serialization.NoEncryption()),
            cert.public_bytes(pem),
            key.private_bytes(pem, raw, serialization.NoEncryption()))


def draw_seal(issuer: str, size: int = 480) -> bytes:
    """A synthetic round red seal (ring, star, issuer name on the arc, 'TEST') as a transparent PNG.

    Deliberately marked 测试 so nobody mistakes a demo print for a real one."""
    from PIL import Image, ImageDraw, ImageFont

    red = (200, 20, 30, 235)
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse((8, 8, size - 8, size - 8), outline=red, width=size // 28)
    star_r, inner = size * 0.16, size * 0.065
    points = []
    for i in range(10):
        r = star_r if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(points, fill=red)
    font = ImageFont.truetype(FONT[0], int(size * 0.11), index=FONT[1])
    chars = list(issuer)
    span = min(250.0, 22.0 * len(chars))
    radius = size * 0.36
    for i, ch in enumerate(chars):
        angle = -90 - span / 2 + span * (i + 0.5) / len(chars)   # degrees, 0 = east
        tile = Image.new("RGBA", (int(size * 0.14), int(size * 0.14)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=font, fill=red,
                                  anchor="mm")
        tile = tile.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(angle)) - tile.width / 2
        y = c + radius * math.sin(math.radians(angle)) - tile.height / 2
        img.alpha_composite(tile, (int(x), int(y)))
    small = ImageFont.truetype(FONT[0], int(size * 0.075), index=FONT[1])
    d.text((c, c + size * 0.27), "测试专用章", font=small, fill=red, anchor="mm")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def sign_pdf(pdf: bytes, signer_pem: tuple[bytes, bytes], ca_pem: bytes) -> bytes:
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = list(load_certs_from_pemder_data(signer_pem[0]))[0]
    key = load_private_key_from_pemder_data(signer_pem[1], passphrase=None)
    ca = list(load_certs_from_pemder_data(ca_pem))
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                  cert_registry=SimpleCertificateStore.from_certs(ca))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="IssuerSignature"),
                           signer=signer)
    return out.getvalue()


def issuer_pdf(doc: dict[str, Any], seal_png: bytes) -> bytes:
    """The issuer's own PDF of a signed-pdf document (its layout, not the kiosk's templates)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    import segno

    if "PlatformCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PlatformCJK", FONT[0], subfontIndex=FONT[1]))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    c.setFont("PlatformCJK", 18)
    c.drawCentredString(w / 2, h - 30 * mm, doc["title"])
    c.setFont("PlatformCJK", 9)
    c.drawString(20 * mm, h - 40 * mm, f"编号：{doc['serial']}")
    y = h - 55 * mm
    c.setFont("PlatformCJK", 11)
    for label, value in doc["lines"]:
        c.drawString(22 * mm, y, f"{label}：{value}")
        y -= 9 * mm
    c.drawRightString(w - 25 * mm, y - 20 * mm, doc["issuer"]["name"])
    c.drawRightString(w - 25 * mm, y - 27 * mm, f"出具日期：{doc['issued_at']}")
    c.drawImage(ImageReader(io.BytesIO(seal_png)), w - 85 * mm, y - 45 * mm, 40 * mm, 40 * mm,
                mask="auto")
    qr = segno.make_qr(doc["verify_code"], error="m")
    qr_png = io.BytesIO()
    qr.save(qr_png, kind="png", scale=4, border=2)
    c.drawImage(ImageReader(io.BytesIO(qr_png.getvalue())), w - 45 * mm, h - 50 * mm, 25 * mm, 25 * mm)
    c.setFont("PlatformCJK", 8.5)
    c.drawString(20 * mm, 18 * mm, "此件由{}提供，仅供办理政务服务事项时使用，有效期至{}".format(
        doc["issuer"]["name"], doc["valid_until"]))
    c.showPage()
    c.save()
    return buf.getvalue()


# -- synthetic people and their documents ------------------------------------------------------------

def fictitious_id(rng: random.Random, birth: dt.date, male: bool) -> str:
    """An 18-digit number with a valid GB 11643 check digit and a fictitious 99xxxx region."""
    body = f"99{rng.randint(100, 9999):04d}{birth:%Y%m%d}{rng.randint(0, 99):02d}" \
           f"{rng.choice('13579' if male else '02468')}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def _name(rng: random.Random, surname: str | None = None) -> str:
    return (surname or rng.choice(_SURNAMES)) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def person_documents(id_number: str, name: str, today: dt.date) -> list[dict[str, Any]]:
    """The person's documents as (kind, payload) dicts, the same for the same ID number."""
    rng = random.Random(hashlib.sha256(id_number.encode()).digest())
    surname = name[:1] if name else rng.choice(_SURNAMES)
    male = len(id_number) == 18 and id_number[16].isdigit() and int(id_number[16]) % 2 == 1
    street = rng.choice(DEMO["streets"])
    address = (f"示范市示范区{street}{rng.randint(1, 999)}号{rng.choice('东西南北')}苑小区"
               f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(101, 2806)}室")
    holder = {"name": name, "id_number": id_number, "sex": "男" if male else "女", "address": address}
    docs = []
    members = [{"name": name, "relation": "户主", "id_number": id_number,
                "birth_date": _birth_text(id_number)}]
    spouse_birth = dt.date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28))
    members.append({"name": _name(rng), "relation": "配偶",
                    "id_number": fictitious_id(rng, spouse_birth, not male),
                    "birth_date": spouse_birth.isoformat()})
    for _ in range(rng.randint(1, 2)):
        child_birth = dt.date(rng.randint(2005, 2020), rng.randint(1, 12), rng.randint(1, 28))
        child_male = rng.random() < 0.5
        members.append({"name": _name(rng, surname), "relation": "子" if child_male else "女",
                        "id_number": fictitious_id(rng, child_birth, child_male),
                        "birth_date": child_birth.isoformat()})
    docs.append(("household_register", {
        "holder": {**holder, "household_type": "家庭户", "household_no": f"99{rng.randint(10**7, 10**8 - 1)}"},
        "rows": {"members": members}}))
    insurance = DEMO["insurance"]
    months = insurance["months_paid"]
    payments = []
    base = rng.choice(insurance["bases"])
    for i in range(months):
        period = _month(today, -(months - i))
        for scheme in insurance["schemes"]:
            payments.append({"period": period, "insurance": scheme["name"], "base": base,
                             "employer_amount": round(base * scheme["employer_rate"], 2),
                             "personal_amount": round(base * scheme["personal_rate"], 2),
                             "status": "已到账"})
    employer = f"示范市{rng.choice(DEMO['employer_names'])}信息技术有限公司"
    docs.append(("social_insurance_payment", {
        "holder": {**holder, "employer": employer, "insurance_types": insurance["types"],
                   "first_insured": _month(today, -months - rng.randint(12, 120)),
                   "months_paid": str(months)},
        "rows": {"payments": payments}}))
    business = DEMO["business"]
    entity = (f"示范市{rng.choice(business['districts'])}{surname}{rng.choice(business['marks'])}"
              f"{rng.choice(business['trades'])}有限责任公司")
    docs.append(("business_licence", {
        "holder": {**holder, "credit_code": f"91990100MA{rng.randint(10**7, 10**8 - 1)}X",
                   "entity_name": entity, "entity_type": business["entity_type"],
                   "capital": f"{rng.choice(business['capitals_wan'])}万元人民币",
                   "founded": f"{rng.randint(2010, 2022)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                   "term": "长期",
                   "scope": business["scope"]}, "rows": {}}))
    docs.append(("real_estate_record", {
        "holder": {**holder}, "rows": {},
        "lines": [("权利人", name), ("不动产坐落", address),
                  ("不动产权证号", f"示(2024)示范市不动产权第{rng.randint(10**6, 10**7 - 1)}号"),
                  ("权利类型", "国有建设用地使用权/房屋所有权"), ("用途", "住宅"),
                  ("面积", f"{rng.randint(60, 160)}.{rng.randint(10, 99)}㎡"),
                  ("抵押状态", "无"), ("查封状态", "无")]}))
    return docs


def _birth_text(id_number: str) -> str:
    if len(id_number) == 18 and id_number[6:14].isdigit():
        return f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    return ""


def _month(today: dt.date, delta: int) -> str:
    index = today.year * 12 + today.month - 1 + delta
    return f"{index // 12}-{index % 12 + 1:02d}"


def _owner(id_number: str) -> str:
    return hashlib.sha256(id_number.encode()).hexdigest()


def _summary(row) -> dict[str, Any]:
    payload = json.loads(row["payload"])
    return {"doc_id": row["doc_id"], "kind": row["kind"], "title": payload["title"],
            "issuer": payload["issuer"]["name"], "issued_at": payload["issued_at"],
            "valid_until": payload["valid_until"], "format": row["format"], "serial": row["serial"]}


def _mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1)


# -- routes -----------------------------------------------------------------------------------------

def register(router, store) -> None:
    issuing = _Issuing(store)

    def base_url(request: Request) -> str:
        return "http://" + request.headers.get("host", "127.0.0.1")

    def verify_code(request: Request, serial: str) -> str:
        return f"{base_url(request)}/api/v1/documents/verify/{serial}?c={issuing.check(serial)}"

    def full(request: Request, row) -> dict[str, Any]:
        payload = json.loads(row["payload"])
        return {**payload, "doc_id": row["doc_id"], "kind": row["kind"], "serial": row["serial"],
                "format": row["format"], "verify_code": verify_code(request, row["serial"]),
                "issuer": {**payload["issuer"],
                           "seal_url": f"/api/v1/seals/{payload['issuer']['seal_id']}"}}

    def create(id_number: str, name: str) -> None:
        today = dt.date.today()
        owner = _owner(id_number)
        with store.lock:
            if store.execute("SELECT 1 FROM documents WHERE owner = ?", (owner,)).fetchone():
                return
            for kind, content in person_documents(id_number, name, today):
                title, issuer_key, fmt, days = KINDS[kind]
                serial = f"{kind[:2].upper()}{today:%Y%m%d}{secrets.randbelow(10**8):08d}"
                payload = {**content, "title": title,
                           "issuer": {"name": ISSUERS[issuer_key], "seal_id": issuer_key},
                           "issued_at": today.isoformat(),
                           "valid_until": (today + dt.timedelta(days=days)).isoformat()}
                store.execute("INSERT INTO documents (doc_id, owner, kind, serial, format, payload, "
                              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (uuid.uuid4().hex, owner, kind, serial, fmt,
                               json.dumps(payload, ensure_ascii=False), today.isoformat()))

    def get_row(doc_id: str):
        row = store.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise HttpError(404, "no such document")
        return row

    def owned_row(doc_id: str, citizen: CitizenSession):
        """The document, if it belongs to the session's person; someone else's is 'no such
        document' too, so a session cannot probe which ids exist."""
        row = get_row(doc_id)
        if row["owner"] != citizen.owner and row["owner"] not in specimen_owners:
            raise HttpError(404, "no such document")
        return row

    specimen_owners: set[str] = set()
    no_document = {404: error("No such document")}

    @router.post("/api/v1/documents/query", tags=["documents"], operation_id="queryDocuments",
                 summary="The identified person's printable documents",
                 openapi_extra=body(DocumentQuery),
                 responses={200: {"model": DocumentList,
                                  "description": "Summaries, one per document"},
                            400: error("id_number or name missing (or not strings)"),
                            413: error("Body larger than the platform accepts"),
                            **citizen_refusals()})
    def query(raw: bytes = Depends(raw_body),
              citizen: CitizenSession = Depends(require_citizen)):
        person = parse_body(raw, DocumentQuery, status=400)
        citizen.require_owner(person.id_number)
        create(person.id_number, person.name)
        rows = store.execute("SELECT * FROM documents WHERE owner = ? ORDER BY kind",
                             (_owner(person.id_number),)).fetchall()
        return {"documents": [_summary(r) for r in rows]}

    @router.get("/api/v1/documents/trust-root", tags=["documents"],
                operation_id="getDocumentTrustRoot",
                summary="The reference platform's test CA (PEM), trusted by demo kiosks only",
                response_class=Response,
                responses={200: binary("application/x-pem-file", "PEM certificate", fmt=None),
                           **kiosk_refusal()},
                dependencies=[Depends(require_kiosk)])
    def trust_root():
        return Response(issuing.ca_pem, media_type="application/x-pem-file")

    @router.get("/api/v1/documents/specimen/{kind}", tags=["documents"],
                operation_id="getSpecimen",
                summary="A specimen document (holder 测试样张) for test prints",
                responses={200: {"model": Document, "description": "Specimen data of that kind"},
                           404: error("No specimen for this kind"), **kiosk_refusal()},
                dependencies=[Depends(require_kiosk)])
    def specimen(request: Request, kind: str):
        if kind not in KINDS or KINDS[kind][2] != "data":
            raise HttpError(404, f"no specimen for {kind!r}")
        rng = random.Random(kind)
        id_number = fictitious_id(rng, dt.date(1980, 1, 1), True)
        create(id_number, "测试样张")
        specimen_owners.add(_owner(id_number))
        row = store.execute("SELECT * FROM documents WHERE owner = ? AND kind = ?",
                            (_owner(id_number), kind)).fetchone()
        return full(request, row)

    @router.get("/api/v1/documents/verify/{serial}", tags=["documents"],
                operation_id="verifyDocument",
                summary="Check a printed copy (the URL its QR code carries)",
                responses={200: {"model": Verification, "description": "The verdict"}})
    def verify(serial: str, c: str = Query("", description="The check code the platform issued "
                                                            "with the serial number")):
        row = store.execute("SELECT * FROM documents WHERE serial = ?", (serial,)).fetchone()
        if row is None or not hmac.compare_digest(c.encode("utf-8"),
                                                  issuing.check(serial).encode("utf-8")):
            return {"valid": False, "serial": serial}
        payload = json.loads(row["payload"])
        return {"valid": True, "serial": serial, "kind": row["kind"], "title": payload["title"],
                "issuer": payload["issuer"]["name"], "issued_at": payload["issued_at"],
                "valid_until": payload["valid_until"],
                "expired": payload["valid_until"] < dt.date.today().isoformat(),
                "holder": _mask_name(payload["holder"]["name"])}

    @router.get("/api/v1/documents/{doc_id}", tags=["documents"], operation_id="getDocument",
                summary="One document's data, as the kiosk's template renders it",
                responses={200: {"model": Document, "description": "The document"},
                           **no_document, **citizen_refusals()})
    def document(request: Request, doc_id: str,
                 citizen: CitizenSession = Depends(require_citizen)):
        return full(request, owned_row(doc_id, citizen))

    @router.get("/api/v1/documents/{doc_id}/pdf", tags=["documents"],
                operation_id="getSignedPdf",
                summary="The issuer's signed PDF of a document whose format is signed-pdf",
                response_class=Response,
                responses={200: binary("application/pdf", "The signed PDF"), **no_document,
                           409: error("The document is delivered as data, not as a PDF"),
                           **citizen_refusals()})
    def pdf(request: Request, doc_id: str, citizen: CitizenSession = Depends(require_citizen)):
        row = owned_row(doc_id, citizen)
        if row["format"] != "signed-pdf":
            raise HttpError(409, "this document is delivered as data, not as a signed PDF")
        if row["signed_pdf"] is None:
            doc = full(request, row)
            signed = sign_pdf(issuer_pdf(doc, issuing.seals[doc["issuer"]["seal_id"]]),
                              issuing.signer_pem, issuing.ca_pem)
            store.execute("UPDATE documents SET signed_pdf = ? WHERE doc_id = ? "
                          "AND signed_pdf IS NULL", (signed, row["doc_id"]))
            row = get_row(row["doc_id"])
        return Response(bytes(row["signed_pdf"]), media_type="application/pdf")

    @router.get("/api/v1/seals/{seal_id}", tags=["documents"], operation_id="getSeal",
                summary="An issuer's seal image (transparent PNG) for rendered copies",
                response_class=Response,
                responses={200: binary("image/png", "The seal"), 404: error("No such seal"),
                           **kiosk_refusal()},
                dependencies=[Depends(require_kiosk)])
    def seal(seal_id: str):
        if seal_id not in issuing.seals:
            raise HttpError(404, "no such seal")
        return Response(issuing.seals[seal_id], headers={"Cache-Control": "max-age=86400"},
                        media_type="image/png")
