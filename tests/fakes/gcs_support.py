"""Cloud Storage without the internet: gcp-storage-emulator in this process, a throwaway signing key, and an
independent check of V4 signed URLs (the emulator checks neither signatures nor preconditions)."""

import hashlib
import io
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from gcp_storage_emulator import server as emulator_server
from gcp_storage_emulator.exceptions import NotFound

SIGNER_EMAIL = "lessonsmith-signer@test-project.iam.gserviceaccount.com"


@dataclass
class RunningEmulator:
    """Where the emulator listens and every request path it saw (method, path with query)."""

    endpoint: str
    requests: list[tuple[str, str]] = field(default_factory=list)
    precondition_failures: int = 0

    def uploads(self) -> list[str]:
        """The upload requests (POST to the upload API), in order."""
        return [path for method, path in self.requests if method == "POST" and path.startswith("/upload/")]


@contextmanager
def gcs_emulator(bucket: str = "lessons") -> Iterator[RunningEmulator]:
    """The emulator on a free loopback port with `bucket`, recording each request."""
    running = RunningEmulator(endpoint="")
    lock = threading.Lock()
    original = emulator_server.RequestHandler

    class Recording(original):  # type: ignore[misc, valid-type]
        def _record(self, method: str) -> None:
            with lock:
                running.requests.append((method, self.path))

        def do_GET(self) -> None:  # noqa: N802 - the base class names it
            self._record("GET")
            super().do_GET()

        def do_POST(self) -> None:  # noqa: N802 - the base class names it
            self._record("POST")
            if "ifGenerationMatch=0" in self.path and self._name_taken():
                with lock:
                    running.precondition_failures += 1
                body = b'{"error": {"code": 412, "message": "conditionNotMet"}}'
                self.send_response(412)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_POST()

        def _name_taken(self) -> bool:
            """Enforce `ifGenerationMatch=0` as Cloud Storage does (the emulator ignores it): read the
            multipart body's metadata for the name, then hand the body on unchanged."""
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            self.rfile = io.BytesIO(body)
            found = re.search(rb'"name": ?"([^"]+)"', body)
            bucket = self.path.split("/b/", 1)[1].split("/", 1)[0]
            if found is None:
                return False
            try:
                with lock:
                    return self.storage.get_file_obj(bucket, found.group(1).decode()) is not None
            except NotFound:
                return False

    emulator_server.RequestHandler = Recording
    server = emulator_server.create_server("127.0.0.1", 0, in_memory=True, default_bucket=bucket)
    try:
        server.start()
        host, port = server._api._httpd.server_address[:2]
        running.endpoint = f"http://{host}:{port}"
        yield running
    finally:
        emulator_server.RequestHandler = original
        server.stop()


def throwaway_key(folder: Path) -> tuple[Path, rsa.RSAPublicKey]:
    """A new RSA service-account key file (never valid anywhere) and its public key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    path = folder / "signer.json"
    path.write_text(json.dumps({
        "type": "service_account", "project_id": "test-project", "private_key_id": "throwaway",
        "private_key": pem, "client_email": SIGNER_EMAIL, "client_id": "1",
        "token_uri": "https://oauth2.googleapis.com/token",  # never called: the key only signs
    }))
    return path, key.public_key()


@dataclass(frozen=True)
class VerifiedUrl:
    """What a valid V4 URL grants: the object path, when it was signed and for how long."""

    path: str
    signed_at: datetime
    expires_s: int


def verify_v4_url(url: str, public_key: rsa.RSAPublicKey, method: str = "GET") -> VerifiedUrl:
    """Rebuild the canonical request and string-to-sign of a V4 signed URL and check its RSA-SHA256
    signature with `public_key`; raises InvalidSignature (or AssertionError) when it does not hold."""
    parts = urlsplit(url)
    pairs = [piece.split("=", 1) for piece in parts.query.split("&")]
    params = dict(pairs)
    signature = bytes.fromhex(params.pop("X-Goog-Signature"))
    assert params["X-Goog-Algorithm"] == "GOOG4-RSA-SHA256" and unquote(params["X-Goog-SignedHeaders"]) == "host"
    canonical_query = "&".join(f"{key}={params[key]}" for key in sorted(params))
    canonical_request = "\n".join([method, parts.path, canonical_query, f"host:{parts.netloc}\n", "host",
                                   "UNSIGNED-PAYLOAD"])
    credential = unquote(params["X-Goog-Credential"])
    email, scope = credential.split("/", 1)
    assert email == SIGNER_EMAIL
    string_to_sign = "\n".join(["GOOG4-RSA-SHA256", params["X-Goog-Date"], scope,
                                hashlib.sha256(canonical_request.encode()).hexdigest()])
    public_key.verify(signature, string_to_sign.encode(), padding.PKCS1v15(), hashes.SHA256())
    signed_at = datetime.strptime(params["X-Goog-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return VerifiedUrl(path=unquote(parts.path), signed_at=signed_at, expires_s=int(params["X-Goog-Expires"]))
