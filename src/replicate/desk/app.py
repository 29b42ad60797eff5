"""The desk's pages as one WSGI application (standard library ``wsgiref``; Jinja2 with autoescape).

Every request passes :class:`~replicate.desk.security.Guard` first; every page is German, has no
script and loads nothing from outside (the style sheet is served by the desk itself).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from replicate.caserecord import CaseRecord
from replicate.desk.ics import board_ics
from replicate.desk.intake import history_fields, read_event, read_form, refill, widgets
from replicate.desk.security import HEADERS, TOKEN_PARAM, Guard
from replicate.desk.store import Store
from replicate.desk.transfer import export, import_files
from replicate.errors import CaseRecordError, ReplicateError, StaleCaseError
from replicate.report.build import build_report
from replicate.screening import screen
from replicate.settings import Settings
from replicate.settings.model import AdviceService

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
MAX_BODY = 50_000_000
"""Largest request accepted (50 MB: many offline-form files at once)."""
BOARD_DAYS = (30, 90)
RETENTION_DEFAULT: int = AdviceService.model_fields["retention_years"].default
"""Retention without a settings file: the settings' default (years after the end of the year of the last
contact), so that the desk and a kit built with default settings name the same period."""

_ENV = Environment(
    loader=PackageLoader("replicate.desk", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters["de"] = lambda iso: dt.date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else "–"


@dataclass
class Request:
    """What a handler needs from the request."""

    method: str
    path: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]
    files: list[tuple[str, bytes]]


class Answer(Exception):
    """Raised by a handler to answer at once (redirects, refusals)."""

    def __init__(self, status: str, body: str = "", headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or []


def _redirect(location: str) -> Answer:
    return Answer("303 See Other", "", [("Location", location)])


def _parse_body(environ: dict[str, Any]) -> tuple[dict[str, list[str]], list[tuple[str, bytes]]]:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        raise Answer("413 Payload Too Large", "Die Anfrage ist zu groß (höchstens 50 MB).")
    body = environ["wsgi.input"].read(length) if length else b""
    kind = environ.get("CONTENT_TYPE", "")
    if kind.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {kind}\r\n\r\n".encode() + body)
        form: dict[str, list[str]] = {}
        files: list[tuple[str, bytes]] = []
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename:
                files.append((Path(str(filename)).name, bytes(payload)))  # type: ignore[arg-type]
            elif name:
                form.setdefault(str(name), []).append(bytes(payload).decode("utf-8", "replace"))  # type: ignore[arg-type]
        return form, files
    return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True), []


class DeskApp:
    """The WSGI application over one store."""

    def __init__(
        self,
        store: Store,
        guard: Guard,
        settings: Settings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.store, self.guard, self.settings, self.today = store, guard, settings, today
        self.retention_years = settings.advice_service.retention_years if settings else RETENTION_DEFAULT
        """Retention of the cases in years, from the kit's settings (:data:`RETENTION_DEFAULT` without)."""
        self.routes: dict[tuple[str, str], Callable[[Request], tuple[str, str, str]]] = {
            ("GET", "/"): self.case_list,
            ("GET", "/neu"): self.new_case,
            ("POST", "/neu"): self.create_case,
            ("GET", "/fall"): self.case_page,
            ("POST", "/fall"): self.save_case,
            ("POST", "/fall/verlauf"): self.add_event,
            ("GET", "/fristen"): self.board,
            ("GET", "/fristen.ics"): self.board_ics,
            ("POST", "/fristen/neu-berechnen"): self.refresh,
            ("GET", "/import"): self.import_page,
            ("POST", "/import"): self.import_post,
            ("GET", "/export.jsonl"): self.export_file,
            ("GET", "/export.csv"): self.export_file,
            ("GET", "/bericht"): self.report_page,
            ("POST", "/bericht"): self.report_post,
            ("GET", "/verwaltung"): self.admin,
            ("POST", "/verwaltung/sicherung"): self.backup,
            ("POST", "/verwaltung/wiederherstellen"): self.restore,
            ("POST", "/verwaltung/loeschen"): self.delete_expired,
        }

    # plumbing

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            status, body, headers = self._handle(environ)
        except Exception:  # an internal error: a plain page, never a traceback in the browser
            if os.environ.get("REPLICATE_DEBUG"):
                raise
            status, headers = "500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")]
            body = self._refusal(
                "Interner Fehler im Schreibtisch (kein Fehler Ihrer Eingaben). Nichts wurde halb gespeichert. "
                "Bitte melden Sie den Fehler mit REPLICATE_DEBUG=1 beim Start."
            )
        finally:
            self.store.release()  # the next request (another thread) uses the same connection
        data = body.encode("utf-8")
        start_response(status, [*HEADERS, *headers, ("Content-Length", str(len(data)))])
        return [data]

    def _handle(self, environ: dict[str, Any]) -> tuple[str, str, list[tuple[str, str]]]:
        html = [("Content-Type", "text/html; charset=utf-8")]
        if not self.guard.host_ok(environ.get("HTTP_HOST", "")):
            return "403 Forbidden", self._refusal("Unbekannte Adresse."), html
        path = environ.get("PATH_INFO", "/") or "/"
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        method = environ.get("REQUEST_METHOD", "GET")
        given = (query.pop(TOKEN_PARAM, None) or [""])[0]
        if self.guard.secret_ok(given):
            target = quote(path) + (f"?{urlencode(query, doseq=True)}" if query else "")
            return "303 See Other", "", [("Location", target), self.guard.set_cookie()]
        if not self.guard.secret_ok(self.guard.cookie_secret(environ.get("HTTP_COOKIE", ""))):
            return (
                "403 Forbidden",
                self._refusal(
                    "Zugang nur mit der Adresse, die beim Start von replicate desk angezeigt wurde."
                ),
                html,
            )
        if path == "/stil.css" and method == "GET":
            return (
                "200 OK",
                _ENV.get_template("stil.css").render(),
                [("Content-Type", "text/css; charset=utf-8")],
            )
        handler = self.routes.get((method, path))
        if handler is None:
            return "404 Not Found", self._refusal("Diese Seite gibt es nicht."), html
        try:
            form, files = _parse_body(environ) if method == "POST" else ({}, [])
            if method == "POST" and not self.guard.change_ok(environ, form):
                return (
                    "403 Forbidden",
                    self._refusal(
                        "Änderung abgelehnt: sie kam nicht von einer Seite dieses Schreibtischs. Laden Sie die Seite "
                        "neu und versuchen Sie es noch einmal."
                    ),
                    html,
                )
            status, body, kind = handler(Request(method, path, query, form, files))
            return status, body, [("Content-Type", kind)]
        except Answer as answer:
            typed = any(k == "Content-Type" for k, _ in answer.headers)
            return answer.status, answer.body, [*([] if typed else html), *answer.headers]

    def _refusal(self, message: str) -> str:
        return _ENV.get_template("fehler.html").render(message=message)

    def page(self, name: str, code: str = "200 OK", **values: Any) -> tuple[str, str, str]:
        """Render a page template with the values every page needs."""
        body = _ENV.get_template(name).render(csrf=self.guard.csrf, today=self.today().isoformat(), **values)
        return code, body, "text/html; charset=utf-8"

    @staticmethod
    def _one(values: dict[str, list[str]], key: str, default: str = "") -> str:
        return (values.get(key) or [default])[0]

    def _as_of(self, request: Request) -> dt.date:
        text = self._one(request.query, "stichtag")
        try:
            return dt.date.fromisoformat(text) if text else self.today()
        except ValueError:
            return self.today()

    # cases

    def case_list(self, request: Request) -> tuple[str, str, str]:
        search = self._one(request.query, "suche")
        status = self._one(request.query, "status")
        status = status if status in ("offen", "abgeschlossen") else ""
        rows = self.store.list_cases(search, status)
        return self.page("liste.html", rows=rows, search=search, status=status, total=self.store.count())

    def new_case(self, request: Request) -> tuple[str, str, str]:
        return self.page("neu.html", sections=widgets(None), problems=[])

    def create_case(self, request: Request) -> tuple[str, str, str]:
        try:
            record = read_form(request.form, [])
            self.store.create(record, self.today())
        except CaseRecordError as err:
            return self.page(
                "neu.html", "422 Unprocessable Entity", sections=_refill(request), problems=_lines(err)
            )
        except ReplicateError as err:
            return self.page("neu.html", "409 Conflict", sections=_refill(request), problems=[str(err)])
        raise _redirect(f"/fall?{urlencode({'id': record.case_id})}")

    def _case(self, case_id: str) -> Any:
        stored = self.store.get(case_id)
        if stored is None:
            raise Answer(
                "404 Not Found", self._refusal(f"Einen Fall mit diesem Pseudonym gibt es nicht: {case_id}")
            )
        return stored

    def case_page(
        self,
        request: Request,
        status: str = "200 OK",
        problems: list[str] | None = None,
        sections: Any = None,
        record: CaseRecord | None = None,
    ) -> tuple[str, str, str]:
        case_id = self._one(request.query, "id") or self._one(request.form, "id")
        stored = self._case(case_id)
        as_of = self._as_of(request)
        result = screen(stored.record, self.store.rules, as_of)
        order = ["möglich jetzt", "möglich ab", "manuelle Prüfung", "Angaben fehlen", "nicht möglich"]
        pathways = sorted(result.pathways.values(), key=lambda p: order.index(p.verdict))
        return self.page(
            "fall.html",
            status,
            case_id=case_id,
            stored=stored,
            as_of=as_of.isoformat(),
            pathways=pathways,
            sections=sections if sections is not None else widgets(stored.record),
            event_fields=history_fields(),
            problems=problems or [],
        )

    def _version(self, request: Request) -> int:
        text = self._one(request.form, "version")
        return int(text) if text.isdecimal() and text.isascii() else -1

    def save_case(self, request: Request) -> tuple[str, str, str]:
        case_id = self._one(request.form, "id")
        stored = self._case(case_id)
        history = [e.model_dump(mode="json", exclude_none=True) for e in stored.record.history]
        try:
            record = read_form(request.form, history)
            if record.case_id != case_id:
                record = record.model_copy(update={"case_id": case_id})
            self.store.update(record, self._version(request), self.today())
        except CaseRecordError as err:
            return self.case_page(request, "422 Unprocessable Entity", _lines(err), _refill(request))
        except StaleCaseError as err:
            return self.case_page(request, "409 Conflict", [str(err)], _refill(request))
        raise _redirect(f"/fall?{urlencode({'id': case_id})}")

    def add_event(self, request: Request) -> tuple[str, str, str]:
        case_id = self._one(request.form, "id")
        stored = self._case(case_id)
        try:
            record = read_event(request.form, stored.record)
            self.store.update(record, self._version(request), self.today(), "Verlauf ergänzt")
        except CaseRecordError as err:
            return self.case_page(request, "422 Unprocessable Entity", _lines(err))
        except StaleCaseError as err:
            return self.case_page(request, "409 Conflict", [str(err)])
        raise _redirect(f"/fall?{urlencode({'id': case_id})}#verlauf")

    # deadlines

    def _days(self, request: Request) -> int:
        text = self._one(request.query, "tage", "30")
        return int(text) if text.isdecimal() and text.isascii() and int(text) in BOARD_DAYS else 30

    def board(self, request: Request) -> tuple[str, str, str]:
        days = self._days(request)
        rows = self.store.board(self.today(), days)
        return self.page("fristen.html", rows=rows, days=days, choices=BOARD_DAYS)

    def board_ics(self, request: Request) -> tuple[str, str, str]:
        today = self.today()
        text = board_ics(self.store.board(today, self._days(request)), today)
        raise Answer(
            "200 OK",
            text,
            [
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", f'attachment; filename="fristen-{today.isoformat()}.ics"'),
            ],
        )

    def refresh(self, request: Request) -> tuple[str, str, str]:
        self.store.refresh(self.today(), every=True)
        raise _redirect("/fristen")

    # import, export, report

    def import_page(self, request: Request) -> tuple[str, str, str]:
        return self.page("import.html", added=[], problems=[], done=False)

    def import_post(self, request: Request) -> tuple[str, str, str]:
        if not request.files:
            return self.page(
                "import.html",
                "422 Unprocessable Entity",
                added=[],
                done=False,
                problems=["Keine Datei gewählt. Wählen Sie eine oder mehrere JSON-Dateien des Formulars."],
            )
        with tempfile.TemporaryDirectory(prefix="replicate-desk-") as tmp:
            pairs = []
            for number, (name, data) in enumerate(request.files):
                path = Path(tmp) / f"{number}{Path(name).suffix.lower() or '.json'}"
                path.write_bytes(data)
                pairs.append((path, name))
            result = import_files(self.store, pairs, self.today())
        return self.page("import.html", added=result.added, problems=result.problems, done=True)

    def export_file(self, request: Request) -> tuple[str, str, str]:
        suffix = Path(request.path).suffix
        with tempfile.TemporaryDirectory(prefix="replicate-desk-") as tmp:
            dest = Path(tmp) / f"fallliste{suffix}"
            export(self.store, dest)
            text = dest.read_text(encoding="utf-8")
        kind = "text/csv" if suffix == ".csv" else "application/x-ndjson"
        raise Answer(
            "200 OK",
            text,
            [
                ("Content-Type", f"{kind}; charset=utf-8"),
                (
                    "Content-Disposition",
                    f'attachment; filename="fallliste-{self.today().isoformat()}{suffix}"',
                ),
            ],
        )

    def report_page(self, request: Request) -> tuple[str, str, str]:
        return self.page("bericht.html", has_settings=self.settings is not None, problems=[], result=None)

    def report_post(self, request: Request) -> tuple[str, str, str]:
        if self.settings is None:
            return self.report_page(request)
        problems: list[str] = []
        try:
            start = dt.date.fromisoformat(self._one(request.form, "beginn"))
            end = dt.date.fromisoformat(self._one(request.form, "ende"))
        except ValueError:
            problems.append(
                "Beginn und Ende des Berichtszeitraums als Datum angeben (TT.MM.JJJJ im Kalenderfeld)."
            )
        folder = self._one(request.form, "ordner").strip()
        if not folder:
            problems.append("Zielordner angeben, z. B. /home/beratung/bericht-2027-1.")
        if problems:
            return self.page(
                "bericht.html", "422 Unprocessable Entity", has_settings=True, problems=problems, result=None
            )
        try:
            with tempfile.TemporaryDirectory(prefix="replicate-desk-") as tmp:
                caseload = Path(tmp) / "fallliste.jsonl"
                export(self.store, caseload)
                result = build_report(
                    self.settings, caseload, Path(folder), period=(start, end), today=self.today()
                )
        except ReplicateError as err:
            return self.page(
                "bericht.html",
                "422 Unprocessable Entity",
                has_settings=True,
                problems=[str(err)],
                result=None,
            )
        return self.page("bericht.html", has_settings=True, problems=[], result=result)

    # administration

    def admin(
        self, request: Request, notes: list[str] | None = None, expired: Any = None
    ) -> tuple[str, str, str]:
        return self.page(
            "verwaltung.html",
            audit=self.store.audit(),
            notes=notes or [],
            expired=expired,
            years=self.retention_years,
            encrypted=self.store.encrypted,
            from_settings=self.settings is not None,
        )

    def backup(self, request: Request) -> tuple[str, str, str]:
        target = self._one(request.form, "datei").strip()
        try:
            if not target:
                return self.admin(
                    request,
                    ["Dateinamen der Sicherung angeben, z. B. /media/sicherung/beratung-2027-03-01.sqlite."],
                )
            self.store.backup(Path(target))
        except ReplicateError as err:
            return self.admin(request, [str(err)])
        return self.admin(request, [f"Sicherung geschrieben: {target}"])

    def restore(self, request: Request) -> tuple[str, str, str]:
        source = self._one(request.form, "datei").strip()
        if self._one(request.form, "bestaetigt") != "ja":
            return self.admin(request, ["Bitte bestätigen Sie, dass der jetzige Stand ersetzt werden soll."])
        try:
            self.store.restore(Path(source))
            self.store.refresh(self.today())
        except ReplicateError as err:
            return self.admin(request, [str(err)])
        return self.admin(request, [f"Wiederhergestellt aus {source}."])

    def delete_expired(self, request: Request) -> tuple[str, str, str]:
        expired = self.store.expired(self.today(), self.retention_years)
        if self._one(request.form, "probelauf") == "ja":
            return self.admin(request, [f"Probelauf: {len(expired)} Fälle würden gelöscht."], expired)
        done = self.store.delete(case_id for case_id, _ in expired)
        return self.admin(request, [f"{done} Fälle gelöscht (Löschfrist abgelaufen)."], expired)


def _lines(err: CaseRecordError) -> list[str]:
    return [p.render() for p in err.problems]


def _refill(request: Request) -> Any:
    """The sections filled with what was just submitted (nothing typed is lost after an error)."""
    return refill(request.form)
