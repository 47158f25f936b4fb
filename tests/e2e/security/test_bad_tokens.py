"""The bad-token suite: every forged, stale, misdirected or revoked token is refused on every protected route."""

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.e2e.conftest import SECRET
from tests.e2e.security.conftest import World
from tests.e2e.security.figures import report
from tests.e2e.security.route_table import operations

ISSUER, AUDIENCE = "lessonsmith", "lessonsmith-api"
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
RSA_PUBLIC_PEM = RSA_KEY.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(subject: str, role: str = "admin", **changes: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {"sub": subject, "role": role, "iss": ISSUER, "aud": AUDIENCE, "iat": now, "nbf": now,
                              "exp": now + timedelta(minutes=10), "jti": uuid4().hex}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _unsigned(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    body = {k: int(v.timestamp()) if isinstance(v, datetime) else v for k, v in claims.items()}
    return ".".join([_b64(json.dumps(header).encode()), _b64(json.dumps(body).encode()), _b64(signature)])


def _hmac_signed(header: dict[str, Any], claims: dict[str, Any], key: bytes) -> str:
    unsigned = _unsigned(header, claims).rsplit(".", 1)[0]
    return unsigned + "." + _b64(hmac.new(key, unsigned.encode(), hashlib.sha256).digest())


def _hmac512(claims: dict[str, Any]) -> str:
    unsigned = _unsigned({"alg": "HS512", "typ": "JWT"}, claims).rsplit(".", 1)[0]
    return unsigned + "." + _b64(hmac.new(SECRET.encode(), unsigned.encode(), hashlib.sha512).digest())


def _tampered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "admin"
    return ".".join([header, _b64(json.dumps(claims).encode()), signature])


def forged_tokens(sub: str, student_token: str) -> dict[str, Callable[[], str]]:
    """Each bad token by name; `sub` is a real user id, so only the defect itself can get it refused."""
    past = datetime.now(UTC) - timedelta(hours=1)
    future = datetime.now(UTC) + timedelta(hours=1)
    hs = {"alg": "HS256", "typ": "JWT"}
    return {
        "expired": lambda: jwt.encode(_claims(sub, exp=past, iat=past - timedelta(minutes=15), nbf=past), SECRET),
        "not yet valid (nbf)": lambda: jwt.encode(_claims(sub, nbf=future), SECRET),
        "issued in the future (iat)": lambda: jwt.encode(_claims(sub, iat=future, nbf=None), SECRET),
        "alg=none": lambda: _unsigned({"alg": "none", "typ": "JWT"}, _claims(sub)),
        "alg=None": lambda: _unsigned({"alg": "None", "typ": "JWT"}, _claims(sub)),
        "alg=none with a signature": lambda: _unsigned({"alg": "none"}, _claims(sub), b"sig"),
        "wrong key": lambda: jwt.encode(_claims(sub), "another-secret-" + "y" * 40),
        "HS512 with the right key": lambda: _hmac512(_claims(sub)),
        "RS256 with an attacker's key": lambda: jwt.encode(_claims(sub), RSA_KEY, algorithm="RS256"),
        "key confusion (HS256 keyed with a public key)": lambda: _hmac_signed(hs, _claims(sub), RSA_PUBLIC_PEM),
        "wrong issuer": lambda: jwt.encode(_claims(sub, iss="someone-else"), SECRET),
        "wrong audience": lambda: jwt.encode(_claims(sub, aud="another-api"), SECRET),
        "missing issuer": lambda: jwt.encode(_claims(sub, iss=None), SECRET),
        "missing audience": lambda: jwt.encode(_claims(sub, aud=None), SECRET),
        "missing expiry": lambda: jwt.encode(_claims(sub, exp=None), SECRET),
        "missing jti": lambda: jwt.encode(_claims(sub, jti=None), SECRET),
        "missing subject": lambda: jwt.encode(_claims(sub, sub=None), SECRET),
        "subject not a user id": lambda: jwt.encode(_claims("admin"), SECRET),
        "unknown role": lambda: jwt.encode(_claims(sub, role="superuser"), SECRET),
        "tampered payload (role → admin)": lambda: _tampered(student_token),
        "signature stripped": lambda: student_token.rsplit(".", 1)[0] + ".",
        "garbage": lambda: "not.a.token",
        "jku header pointing elsewhere": lambda: jwt.encode(_claims(sub), RSA_KEY, algorithm="RS256",
                                                            headers={"jku": "http://127.0.0.1:9/keys"}),
    }


@pytest.mark.req("RDS-018", "RDS-055")
async def test_no_bad_token_is_accepted_anywhere(world: World) -> None:
    routes = [op for op in operations(world.app) if not op.public]
    student_token = world.tokens["carl"]
    logged_out = world.container.gateways.token_issuer().issue(world.users["alice"]).access_token
    logout = await world.client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {logged_out}"})
    assert logout.status_code == 204
    headers = {name: f"Bearer {make()}" for name, make in forged_tokens(str(world.users["ada"].id),
                                                                          student_token).items()}
    headers |= {"revoked (after logout)": f"Bearer {logged_out}", "Basic scheme": f"Basic {student_token}",
                "Token scheme": f"Token {student_token}", "no scheme": student_token,
                "two tokens": f"Bearer {student_token} {student_token}", "empty bearer": "Bearer "}
    accepted: list[str] = []
    requests = 0
    for name, value in headers.items():
        for op in routes:
            path = op.url(dict.fromkeys(op.params, str(uuid4())))
            response = await world.client.request(op.method, path, headers={"Authorization": value}, json={})
            requests += 1
            if response.status_code != 401:
                accepted.append(f"{name}: {op.method} {path} → {response.status_code}")
            else:
                assert response.json()["error"] == "unauthorized"
    report(f"bad tokens: {len(headers)} kinds x {len(routes)} protected routes = {requests} requests, "
           f"accepted = {len(accepted)}")
    assert accepted == []
    good = await world.client.get("/api/v1/lessons", headers={"Authorization": f"Bearer {student_token}"})
    assert good.status_code == 200  # the same routes do accept a good token


@pytest.mark.req("RDS-050")
async def test_logout_revokes_only_that_token(world: World) -> None:
    issuer = world.container.gateways.token_issuer()
    first, second = (f"Bearer {issuer.issue(world.users['bob']).access_token}" for _ in range(2))
    assert (await world.client.post("/api/v1/auth/logout", headers={"Authorization": first})).status_code == 204
    assert (await world.client.get("/api/v1/lessons", headers={"Authorization": first})).status_code == 401
    assert (await world.client.post("/api/v1/auth/logout", headers={"Authorization": first})).status_code == 401
    assert (await world.client.get("/api/v1/lessons", headers={"Authorization": second})).status_code == 200
