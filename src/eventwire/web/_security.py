"""What keeps the server safe to run: body limits, the write token, headers, where it listens.

- Request bodies are capped (``max_body`` bytes, 2 MiB by default): a larger one
  gets 413 before it is read whole.
- Write endpoints need ``EVENTWIRE_TOKEN`` (``Authorization: Bearer …`` or
  ``X-Eventwire-Token``) when it is set; a server that listens beyond loopback
  with writes enabled refuses to start without one.
- Every response forbids inline script, framing and MIME sniffing (the page
  builds its DOM from text, never from markup).
"""
from __future__ import annotations

import hmac
import ipaddress
import os

from ..errors import ConfigError

TOKEN_ENV = "EVENTWIRE_TOKEN"
DEFAULT_MAX_BODY = 2 * 1024 * 1024

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]


def token_from_env() -> str | None:
    token = os.environ.get(TOKEN_ENV, "").strip()
    return token or None


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, *, writes: bool, token: str | None) -> None:
    """Refuse to listen beyond this machine with writes open to anyone."""
    if writes and not token and not is_loopback(host):
        raise ConfigError(f"refusing to serve on {host} with writes enabled and no token: set {TOKEN_ENV}, "
                          "pass --read-only, or listen on 127.0.0.1")


def token_ok(headers: dict[str, str], token: str) -> bool:
    given = headers.get("x-eventwire-token") or ""
    auth = headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


class Guard:
    """ASGI middleware: security headers on every response, and a cap on body size."""

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            return await _too_large(send, self.max_body)
        seen, over, answered = 0, False, False

        async def limited_receive():
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:  # a streamed body with no length given
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message):
            nonlocal answered
            if over:  # whatever the app answers, the client gets 413
                if not answered:
                    answered = True
                    await _too_large(send, self.max_body)
                return
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            if not over:
                raise
            if not answered:
                await _too_large(send, self.max_body)


async def _too_large(send, limit: int) -> None:
    body = f'{{"detail": "request body over {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})
