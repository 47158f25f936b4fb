"""The embedded profile's JWT secret: generated once into the home folder, private to its owner."""

import os
import secrets
from pathlib import Path

SECRET_FILE = "jwt_secret"  # noqa: S105 - a file name, not a secret


def load_or_create_secret(home: Path) -> str:
    """Read `home/jwt_secret`, creating it with 48 random bytes (mode 0600) the first time."""
    path = home / SECRET_FILE
    if path.exists():
        return path.read_text().strip()
    home.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secret)
    return secret
