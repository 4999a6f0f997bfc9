"""Reference photos of identified persons, for the kiosk's 1:1 face verification (人证比对).

When the kiosk cannot decode the ID card photo (no vendor WLT decoder) it asks the platform for the
photo on file. The ID number travels in a POST body, never in a URL, since URLs end up in logs.

Demo identities: every well-formed ID number in the fictitious 99xxxx regions (what the virtual card
reader and the demo data issue) has a photo on file, made from scikit-image's astronaut sample, the
only real face a package here ships. Other numbers have none (404).
"""
from __future__ import annotations

from fastapi import Depends
from starlette.responses import Response

from reference_platform.auth import CitizenSession, citizen_refusals, require_citizen
from reference_platform.models import PersonPhotoError, PersonPhotoRequest
from reference_platform.openapi import binary, body, error
from reference_platform.web import HttpError, checked, json_value, raw_body

SCHEMA_SQL = ""        # photos are synthesised on request, nothing is stored


def demo_photo_jpeg() -> bytes:
    """The astronaut framed like a certificate photo (head and shoulders, 3:4, 358x441)."""
    try:
        import cv2
        from skimage import data
    except ImportError as exc:
        raise HttpError(503, f"demo photos need scikit-image ({exc})") from None
    rgb = data.astronaut()
    crop = rgb[20:260, 120:315]               # head and shoulders around the face at (222, 126)
    bgr = cv2.cvtColor(crop, cv2.COLOR_RGB2BGR)
    bgr = cv2.resize(bgr, (358, 441), interpolation=cv2.INTER_AREA)
    ok, jpeg = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise HttpError(503, "could not encode the photo")
    return jpeg.tobytes()


def register(router, store) -> None:
    @router.post("/api/v1/persons/photo", tags=["persons"], operation_id="getPersonPhoto",
                 summary="The reference photo on file for an identified person",
                 response_class=Response, openapi_extra=body(PersonPhotoRequest),
                 responses={200: binary("image/jpeg", "The photo, JPEG, head and shoulders",
                                        headers={"Cache-Control": {"schema": {"type": "string"}}}),
                            400: error("The ID number is missing or malformed", PersonPhotoError),
                            404: error("No photo on file for this person", PersonPhotoError),
                            413: error("Body larger than the platform accepts"),
                            503: error("This platform cannot make demo photos (no scikit-image)",
                                       PersonPhotoError), **citizen_refusals()})
    def photo(raw: bytes = Depends(raw_body),
              citizen: CitizenSession = Depends(require_citizen)) -> Response:
        request = checked(json_value(raw) or {}, PersonPhotoRequest, status=400)
        id_number = request.id_number.upper()
        citizen.require_owner(id_number)
        if not id_number.startswith("99"):
            raise HttpError(404, "no photo on file for this person")
        return Response(demo_photo_jpeg(), headers={"Cache-Control": "no-store"},
                        media_type="image/jpeg")
