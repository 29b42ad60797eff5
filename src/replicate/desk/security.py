"""Who may use the desk: the per-start secret, CSRF tokens, allowed hosts and the response headers.

The secret is made anew at every start and is only known to whoever started the desk (it is printed in
the address). The first request carries it in the address; the desk then sets it as an ``HttpOnly``,
``SameSite=Strict`` cookie and forwards to the same page without it. Every change (POST) must also carry
a CSRF token derived from the secret and come from the desk's own origin; the ``Host`` header must name
the desk itself (against DNS rebinding). There are no CORS headers, so other web pages cannot read answers.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

COOKIE = "replicate_desk"
TOKEN_PARAM = "schluessel"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
"""Sent with every answer."""


@dataclass(frozen=True)
class Guard:
    """The secret of this start and the host names under which the desk answers."""

    hosts: frozenset[str]
    """``host:port`` values accepted in the Host header (and as origin)."""
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def csrf(self) -> str:
        """The token every form of this start carries."""
        return hmac.new(self.secret.encode(), b"csrf", hashlib.sha256).hexdigest()

    def host_ok(self, host: str) -> bool:
        """The Host header names the desk itself."""
        return host.lower() in self.hosts

    def secret_ok(self, given: str) -> bool:
        """``given`` is this start's secret (compared in constant time)."""
        return bool(given) and hmac.compare_digest(given.encode(), self.secret.encode())

    def cookie_secret(self, cookie_header: str) -> str:
        """The desk's cookie value from a Cookie header, or ''."""
        for part in cookie_header.split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE:
                return value
        return ""

    def set_cookie(self) -> tuple[str, str]:
        """The cookie that keeps the secret for this browser session."""
        return ("Set-Cookie", f"{COOKIE}={self.secret}; Path=/; HttpOnly; SameSite=Strict")

    def change_ok(self, environ: Mapping[str, str], form: Mapping[str, list[str]]) -> bool:
        """A change comes from the desk's own page: same origin (when the browser says) and CSRF token."""
        origin = environ.get("HTTP_ORIGIN", "")
        if origin and origin.lower().removeprefix("http://") not in self.hosts:
            return False
        if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
            return False
        given = (form.get("csrf") or [""])[0]
        return hmac.compare_digest(given.encode(), self.csrf.encode())


def loopback_hosts(host: str, port: int) -> frozenset[str]:
    """Names under which a desk bound to ``host`` may be addressed."""
    names = {host, "127.0.0.1", "localhost"} if host in ("127.0.0.1", "localhost") else {host}
    return frozenset(f"{name}:{port}".lower() for name in names)
