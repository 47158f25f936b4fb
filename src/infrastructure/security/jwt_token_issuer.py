"""HS256 bearer tokens with issuer, audience, expiry and a unique id."""

import secrets
from datetime import timedelta

import jwt

from application.ports.clock import Clock
from application.ports.token_issuer import IssuedToken, TokenIssuer
from domain.user import User

ALGORITHM = "HS256"


class JwtTokenIssuer(TokenIssuer):
    """Signs {sub, role, iss, aud, iat, nbf, exp, jti} with the server's secret; the algorithm is fixed here."""

    def __init__(self, secret: str, issuer: str, audience: str, ttl: timedelta, clock: Clock) -> None:
        self._secret = secret
        self._issuer = issuer
        self._audience = audience
        self._ttl = ttl
        self._clock = clock

    def issue(self, user: User) -> IssuedToken:
        """A token valid for the configured lifetime."""
        now = self._clock.now()
        claims = {
            "sub": str(user.id), "role": user.role.value, "iss": self._issuer, "aud": self._audience,
            "iat": now, "nbf": now, "exp": now + self._ttl, "jti": secrets.token_hex(16),
        }
        token = jwt.encode(claims, self._secret, algorithm=ALGORITHM)
        return IssuedToken(access_token=token, expires_in=int(self._ttl.total_seconds()))
