"""Helpers for signing in through the real pages. Demo accounts get a real password in tests
(the demo password works only in demo mode, and tests run outside it); TOTP codes are computed
the way an authenticator app computes them."""

import re
from base64 import b32decode

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Stark-krisledning-2024"


def code_for(device: TOTPDevice) -> str:
    """The code the user's app shows now."""
    return f"{totp(device.bin_key, step=device.step):06d}"


def code_for_key(key: str) -> str:
    """The code an app shows now for a secret given as hex."""
    return f"{totp(bytes.fromhex(key)):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A six-digit code that is not the right one now (nor one step before or after)."""
    right = {
        f"{totp(device.bin_key, drift=drift):06d}" for drift in range(-device.tolerance - 1, 3)
    }
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def sign_in(client: Client, username: str, password: str = PASSWORD, **extra):
    """Post the sign-in form as a person would; returns the response (not followed)."""
    return client.post("/konto/logga-in/", {"username": username, "password": password, **extra})


def secret_on_page(page: str) -> str:
    """The secret the setup page shows for typing in by hand, as hex (what an app would use)."""
    shown = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    return b32decode(shown.replace(" ", "")).hex()


def backup_codes_on_page(page: str) -> list[str]:
    """The backup codes a page shows."""
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
