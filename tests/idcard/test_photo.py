"""The WLT photo adapter through ctypes, with a stand-in vendor library compiled here."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from devices.idcard import photo
from devices.idcard.errors import PhotoUnavailable
from devices.idcard.reader import IdCardReader

from .conftest import settings_for

# Stands in for a vendor libwlt2bmp.so: same entry point shape, a deterministic "decoding".
VENDOR_C = r"""
#include <string.h>
int unpack(const unsigned char *wlt, unsigned char *out, int with_header) {
    if (wlt[0] == 0xEE) return -3;                 /* e.g. licence file missing */
    for (int i = 0; i < 102 * 126 * 3; i++) out[i] = wlt[i % 1024];
    return 1;                                      /* raw rows, no header */
}
int unpack_bmp(const unsigned char *wlt, unsigned char *out, int with_header) {
    unsigned int size = 38862;
    memset(out, 0, size);
    out[0] = 'B'; out[1] = 'M'; memcpy(out + 2, &size, 4);
    out[54] = wlt[1];
    return with_header == 1 ? 1 : 0;
}
int unpack_wrong_size(const unsigned char *wlt, unsigned char *out, int with_header) {
    unsigned int size = 1000;
    out[0] = 'B'; out[1] = 'M'; memcpy(out + 2, &size, 4);
    return 1;
}
"""


@pytest.fixture(scope="module")
def vendor_lib(tmp_path_factory):
    cc = shutil.which("gcc") or shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler to build the stand-in vendor library (tools/apt-packages.txt: gcc)")
    folder = tmp_path_factory.mktemp("wlt")
    (folder / "wlt.c").write_text(VENDOR_C)
    lib = folder / "libwltstandin.so"
    subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", str(lib), str(folder / "wlt.c")], check=True)
    return str(lib)


def wlt(first=0x10):
    return bytes([first]) + bytes((i * 7) & 0xFF for i in range(1, 1024))


def test_raw_rows_become_a_102_by_126_bmp(vendor_lib):
    bmp = photo.WltDecoder(vendor_lib).decode(wlt())
    assert len(bmp) == photo.BMP_SIZE == 38862
    image = QImage.fromData(bmp, "BMP")
    assert (image.width(), image.height()) == (102, 126)
    # bottom-up rows: the first raw pixel is the bottom-left one, blue byte first
    assert image.pixelColor(0, 125).blue() == wlt()[0]


def test_decoder_with_header_and_symbol_from_config(vendor_lib):
    decoder = photo.load_decoder(f"{vendor_lib}:unpack_bmp")
    bmp = decoder.decode(bytearray(wlt()))
    assert bmp[:2] == b"BM" and bmp[54] == wlt()[1]


def test_failures_are_photo_unavailable(vendor_lib, tmp_path):
    with pytest.raises(PhotoUnavailable):
        photo.WltDecoder(vendor_lib).decode(wlt(0xEE))         # the library refuses
    with pytest.raises(PhotoUnavailable):
        photo.WltDecoder(vendor_lib).decode(b"\x00" * 10)       # not a WLT photo
    with pytest.raises(PhotoUnavailable):
        photo.WltDecoder(f"{vendor_lib}:unpack_wrong_size").decode(wlt())
    with pytest.raises(PhotoUnavailable):
        photo.WltDecoder(f"{vendor_lib}:no_such_function")
    with pytest.raises(PhotoUnavailable):
        photo.WltDecoder(str(tmp_path / "libmissing.so"))
    assert photo.load_decoder("") is None


def test_reader_decodes_the_photo_when_configured(twin, vendor_lib):
    reader = IdCardReader(settings_for(twin.port), photo_decoder=photo.WltDecoder(vendor_lib))
    twin.place_card("resident")
    read = reader.read_one(2)
    assert read.photo_status == photo.DECODED and read.photo_bmp[:2] == b"BM"
    read.wipe()
    assert read.photo_wlt == bytearray(1024) and read.photo_bmp is None


def test_reader_keeps_the_rest_when_the_decoder_refuses(twin, vendor_lib):
    reader = IdCardReader(settings_for(twin.port),
                          photo_decoder=photo.WltDecoder(f"{vendor_lib}:unpack_wrong_size"))
    twin.place_card("resident")
    read = reader.read_one(2)
    assert read.photo_status == photo.DECODE_FAILED and read.text.name == "林示例"
