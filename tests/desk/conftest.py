"""A desk on a temporary database with a fixed date, and a small WSGI client that sends the secret."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from replicate.desk.app import DeskApp
from replicate.desk.security import COOKIE, Guard, loopback_hosts
from replicate.desk.store import Store
from replicate.rules import load_rules

TODAY = dt.date(2027, 3, 1)
HOST = "127.0.0.1:8750"
DATA = Path(__file__).parent / "data"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


class Client:
    """Calls the WSGI app like a browser of the person who started the desk (cookie set)."""

    def __init__(self, app: DeskApp, cookie: bool = True) -> None:
        self.app = app
        self.cookie = f"{COOKIE}={app.guard.secret}" if cookie else ""

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ) -> Response:
        target, _, query = path.partition("?")
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "PATH_INFO": target,
            "QUERY_STRING": query,
            "HTTP_HOST": HOST,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
        if self.cookie:
            environ["HTTP_COOKIE"] = self.cookie
        for key, value in (headers or {}).items():
            environ[key] = value
        captured: dict[str, Any] = {}

        def start(status: str, head: list[tuple[str, str]]) -> None:
            captured["status"], captured["headers"] = status, head

        text = b"".join(self.app(environ, start)).decode()
        head: dict[str, str] = {}
        for k, v in captured["headers"]:
            head[k.lower()] = v if k.lower() not in head else head[k.lower()] + "\n" + v
        return Response(int(captured["status"].split()[0]), head, text)

    def get(self, path: str, **kw: Any) -> Response:
        return self.request("GET", path, **kw)

    def post(
        self, path: str, fields: dict[str, Any] | list[tuple[str, str]], csrf: bool = True, **kw: Any
    ) -> Response:
        items = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf:
            items.append(("csrf", self.app.guard.csrf))
        return self.request("POST", path, urlencode(items).encode(), **kw)


def version_of(html: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found, "no version field on the page"
    return found.group(1)


@pytest.fixture(scope="session")
def rules() -> Any:
    return load_rules()


@pytest.fixture
def store(tmp_path: Path, rules: Any) -> Iterator[Store]:
    s = Store(tmp_path / "beratung.sqlite", rules, "test")
    yield s
    s.close()


@pytest.fixture
def app(store: Store) -> DeskApp:
    return DeskApp(store, Guard(loopback_hosts("127.0.0.1", 8750)), today=lambda: TODAY)


@pytest.fixture
def client(app: DeskApp) -> Client:
    return Client(app)
