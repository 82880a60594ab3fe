"""A per-installation secret key for demo and development runs, kept in the data folder."""

import secrets
from pathlib import Path


def secret_key_from_file(path: Path) -> str:
    """Return the key stored at `path`, creating it (readable by the owner only) on first use."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
