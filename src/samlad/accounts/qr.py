"""What the setup page shows for an authenticator app: the otpauth:// link as a QR code (inline
SVG drawn on the server: the content security policy allows no scripts) and the secret as text."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice


def provisioning_uri(*, user, key: str) -> str:
    """The otpauth:// link an authenticator app reads (issuer from settings.OTP_TOTP_ISSUER)."""
    return TOTPDevice(user=user, key=key).config_url


def qr_svg(data: str) -> SafeString:
    """`data` as a QR code in SVG markup, ready to place in a page."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=4)
    # Only path geometry is generated from `data`, so the markup is safe to embed as is.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def secret_for_people(key: str) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(bytes.fromhex(key)).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
