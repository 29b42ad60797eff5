"""Serve the desk with the standard library (``wsgiref`` with one thread per request).

No web framework: the desk has a dozen pages for one or two advisers on one machine, and the standard
library's server keeps the dependency list short and has nothing to configure. The request log never
shows the address with the secret.
"""

from __future__ import annotations

import ipaddress
import socketserver
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from replicate.errors import DeskError

LOOPBACK = "127.0.0.1"


class _Threaded(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Nothing is logged: addresses carry pseudonyms and, once, the secret."""


def check_host(host: str, allow_other: bool) -> None:
    """Refuse an address other than loopback unless the user explicitly allowed it."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback and not allow_other:
        raise DeskError(
            f"Adresse {host}: der Schreibtisch lauscht nur auf diesem Rechner (127.0.0.1). Eine andere Adresse "
            "macht die Fälle im Netz erreichbar; nur mit --andere-adresse-erlauben und nur in einem geschützten Netz."
        )


def make(app: Any, host: str, port: int) -> WSGIServer:
    """A server for ``app`` on ``host:port`` (port 0: a free port)."""
    try:
        return make_server(host, port, app, server_class=_Threaded, handler_class=_Quiet)
    except OSError as exc:
        raise DeskError(
            f"Adresse {host}:{port} kann nicht geöffnet werden ({exc.strerror or exc}). Wählen Sie mit --port "
            "einen anderen Port."
        ) from None
