"""A QR code of a link, drawn offline (the `qrcode` package), for a phone to scan off paper or a screen."""

from __future__ import annotations

import io


def qr_png(link: str, box_size: int = 8) -> bytes | None:
    """PNG bytes of the link's QR code (medium error correction), or None without the qrcode package."""
    try:
        import qrcode
    except ImportError:  # the printed link still works
        return None
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=2)
    qr.add_data(link)
    qr.make(fit=True)
    buf = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(buf, format="PNG")
    return buf.getvalue()
