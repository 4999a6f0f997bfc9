"""Typed camera errors, in the devices' error shape (devices/errors.py): a stable snake_case `code`
kiosk.messages maps to a citizen message, and a detail for the technician and logs."""
from __future__ import annotations

from devices.errors import DeviceError

# codes used across the package, listed once so the catalogue can map each of them
SOURCE_INVALID = "source_invalid"        # the configured source cannot be understood
OPEN_FAILED = "open_failed"              # the camera/file/stream did not open
MODEL_MISSING = "model_missing"          # dlib or the face model files are not installed
NO_FACE = "no_face"                      # an image without a usable face (reference or probe)
IMAGE_UNREADABLE = "image_unreadable"    # bytes/path that are not a decodable image
VENDOR_LIVENESS = "vendor_liveness"      # the vendor liveness adapter is missing or failed
NO_REFERENCE = "no_reference"            # no reference photo for the identified citizen


class CameraError(DeviceError):
    """A camera-area failure. `code` is chosen when raised, one of `codes`."""
    code = OPEN_FAILED
    codes = (SOURCE_INVALID, OPEN_FAILED, MODEL_MISSING, NO_FACE, IMAGE_UNREADABLE,
             VENDOR_LIVENESS, NO_REFERENCE)

    def __init__(self, code: str, message: str):
        super().__init__(message, code)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
