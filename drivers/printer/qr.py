"""QR codes on the ticket: module size for the paper, and the bitmap for printers without
native QR (`GS ( k`), built with the `qrcode` library python-escpos depends on."""

from __future__ import annotations

import qrcode
from PIL import Image

from drivers.printer.paper import PaperSpec

ERROR_LEVEL = "M"  # 15 % of the code may be damaged: thermal paper smudges
_QR_ERROR = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
             "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
BORDER = 2  # quiet zone in modules above and below the image; the sides are blank paper anyway
MAX_MODULE_DOTS = 8  # 1 mm at 203 dpi: larger codes only waste paper
MIN_MODULE_DOTS = 2


def _code(payload: str, module_dots: int = 1) -> qrcode.QRCode:
    code = qrcode.QRCode(version=None, error_correction=_QR_ERROR[ERROR_LEVEL], box_size=module_dots, border=BORDER)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return code


def module_dots(payload: str, paper: PaperSpec) -> int:
    """Dots per module so that the code spans at most about 45 % of the paper width."""
    modules = _code(payload).modules_count
    target = int(paper.dots * 0.45)
    return max(MIN_MODULE_DOTS, min(MAX_MODULE_DOTS, target // modules))


def qr_image(payload: str, module: int) -> Image.Image:
    """The QR code as a black-on-white image, `module` dots per module."""
    return _code(payload, module).make_image(fill_color="black", back_color="white").get_image()
