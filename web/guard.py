"""What keeps other web pages and other machines out: Host and Origin checks, CSRF tokens, body size.

The server has no login: it trusts whoever can reach it, which by default is
this machine only. Three checks keep a web page in the same browser from
reaching it anyway:

- DNS rebinding: a hostile site can make its own name point at 127.0.0.1; the
  browser then sends that name as ``Host``. Only the served address (and, on
  loopback, ``localhost``/``127.0.0.1``/``[::1]``) is accepted.
- Cross-site forms: any request that changes data must carry an ``Origin``
  (or, failing that, ``Referer``) of the served address when the browser sends
  one, and a CSRF token equal to the one in this browser's cookie (the
  double-submit pattern; the cookie is ``SameSite=Strict``, so another site can
  neither read nor send it).
- Size: a request body larger than :data:`MAX_BODY` is refused before it is
  read (an uploaded fact file may be at most 1 MiB, as everywhere in aiact).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "aiact_csrf"
CSRF_FIELD = "csrf"
MAX_BODY = 2 * 1024 * 1024
TOO_LARGE = "The upload is too large: a fact file may be at most 1 MiB."
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) reaches this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` header values this server answers to: its address, loopback names, and ``extra``."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    names = {shown, *extra}
    if is_loopback(host) or host in ("0.0.0.0", "::"):
        names |= set(LOOPBACK_NAMES)
    return frozenset(f"{name}:{port}".lower() for name in names)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_matches(cookie: str | None, sent: str | None) -> bool:
    """Whether the form's token is this browser's cookie token (constant-time comparison)."""
    return bool(cookie) and bool(sent) and hmac.compare_digest(str(cookie), str(sent))


class Refusal(Exception):
    """A request refused by a check; the message is shown to the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class HostGuard:
    """ASGI middleware: refuse a foreign ``Host``, a foreign ``Origin``/``Referer`` and oversized bodies."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], refuse: ASGIApp) -> None:
        self.app = app
        self.hosts = hosts
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self.problem(scope)
        if problem is not None:
            scope.setdefault("state", {})["refusal"] = problem
            await self.refuse(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:  # a body sent without Content-Length (chunked) is counted as it comes
                raise Refusal(413, TOO_LARGE)
            return message

        await self.app(scope, counted, send)

    def problem(self, scope: Scope) -> Refusal | None:
        headers = Headers(scope=scope)
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return Refusal(421, f"This server does not answer to the address {host or '(none)'!r}. "
                                "Open it at the address printed when it started.")
        if scope["method"] in SAFE_METHODS:
            return None
        origin = headers.get("origin") or headers.get("referer")
        if origin and urlsplit(origin).netloc.lower() not in self.hosts:
            return Refusal(403, "This form was sent from another site and was refused.")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return Refusal(413, TOO_LARGE)
        return None
