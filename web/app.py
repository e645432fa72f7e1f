"""The web application: routes, forms and pages over the data folder (Starlette, Jinja2).

Every page is plain server-rendered HTML with ordinary forms; nothing needs
JavaScript. Forms that change data are POSTs carrying a CSRF token and are
answered with a redirect (so reloading never answers twice). Every error is
a page saying what happened, never a traceback.

All handlers are ``async`` and call the engine directly: they run one at a
time on the event loop. That is deliberate: durable-rules is not
thread-safe, and Starlette would run plain functions on a thread pool.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from aiact import DISCLAIMER, __version__
from aiact.engine import FactFileError
from aiact.engine.loading import MAX_BYTES, settable_paths
from aiact.questionnaires.answers import AnswerError, show_value
from aiact.questionnaires.flow import Flow, Prompt
from aiact.questionnaires.texts import SUBJECT_PATH

from . import work
from .folder import DataFolder, NoSuchAssessment
from .guard import CSRF_COOKIE, CSRF_FIELD, HostGuard, Refusal, new_token, token_matches
from .inventory import COLUMNS, inventory_rows, sort_rows
from .questions import FIELD, prompt_view, typed_answer
from .upload import check_upload

log = logging.getLogger("aiact.web")
PACKAGE = files("aiact.web")
MEMO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
"""The memo page loads nothing and runs nothing; only this application may frame it."""


class Pages:
    """The handlers, bound to one data folder."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self.inventory = work.Inventory(folder)
        self.env = Environment(
            loader=FileSystemLoader(str(PACKAGE.joinpath("templates"))),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.css = PACKAGE.joinpath("static", "style.css").read_text("utf-8")
        self.env.globals.update(disclaimer=DISCLAIMER, version=__version__, quote=quote)

    # -- plumbing ---------------------------------------------------------------------------------

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or new_token()
        body = self.env.get_template(template).render(request=request, csrf=token, csrf_field=CSRF_FIELD, **context)
        response = HTMLResponse(body, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    async def form(self, request: Request) -> Mapping[str, Any]:
        """The posted form (every value as a list when repeated), after the CSRF check."""
        data = await request.form(max_files=1, max_fields=200)
        if not token_matches(request.cookies.get(CSRF_COOKIE), str(data.get(CSRF_FIELD) or "")):
            raise Refusal(403, "This form has expired or did not come from this application. "
                               "Go back, reload the page and send it again.")
        out: dict[str, Any] = {}
        for key in data:
            values = data.getlist(key)
            out[key] = values if len(values) > 1 else values[0]
        return out

    def named(self, request: Request) -> tuple[str, Path]:
        name = request.path_params["name"]
        try:
            return name, self.folder.path(name)
        except NoSuchAssessment:
            raise Refusal(404, f"There is no assessment called {name!r} in the data folder.") from None

    def error(self, request: Request, status: int, message: str, problems: tuple[str, ...] = ()) -> HTMLResponse:
        return self.page(request, "error.html", status=status, message=message, problems=problems)

    async def stylesheet(self, request: Request) -> Response:
        return Response(self.css, media_type="text/css", headers={"Cache-Control": "max-age=300"})

    # -- start page and upload --------------------------------------------------------------------

    async def start_page(self, request: Request) -> Response:
        return self.page(request, "start.html", names=self.folder.names(), folder=self.folder.root)

    async def new(self, request: Request) -> Response:
        form = await self.form(request)
        subject = " ".join(str(form.get("subject", "")).split())
        if not subject:
            return self.page(request, "start.html", status=400, names=self.folder.names(), folder=self.folder.root,
                             name_error="Please give the AI system or model a name.")
        name = work.start(self.folder, subject)
        return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)

    async def upload(self, request: Request) -> Response:
        form = await self.form(request)
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self.page(request, "start.html", status=400, names=self.folder.names(),
                             folder=self.folder.root, upload_problems=("Choose a fact file to upload.",))
        data = await upload.read(MAX_BYTES + 1)
        outcome = check_upload(self.folder, upload.filename, data)
        if outcome.problems:
            return self.page(request, "start.html", status=400, names=self.folder.names(), folder=self.folder.root,
                             upload_problems=outcome.problems)
        where = "/interview" if (upload.filename or "").lower().endswith(".md") else ""
        return RedirectResponse(f"/a/{quote(outcome.name)}{where}", status_code=303)

    # -- interview --------------------------------------------------------------------------------

    async def interview(self, request: Request) -> Response:
        name, path = self.named(request)
        flow = work.open_flow(path)
        prompt = flow.next()
        if prompt is None:
            return RedirectResponse(f"/a/{quote(name)}?done=1", status_code=303)
        earlier = _earlier(request.query_params.get("was"), prompt.paths)
        return self.question_page(request, name, flow, prompt, earlier)

    def question_page(self, request: Request, name: str, flow: Flow, prompt: Prompt,
                      previous: dict[str, object] | None = None, typed: str | None = None,
                      problem: str | None = None) -> Response:
        order = flow.answers.order
        return self.page(
            request, "interview.html", status=400 if problem else 200,
            name=name, subject=flow.answers.name, q=prompt_view(prompt, previous, typed), problem=problem,
            progress=flow.progress(), headline=work.panel(flow.interview), field=FIELD,
            can_go_back=bool(order) and order[-1] != SUBJECT_PATH,
        )

    async def answer(self, request: Request) -> Response:
        name, path = self.named(request)
        form = await self.form(request)
        flow = work.open_flow(path)
        prompt = flow.next()
        if prompt is None or form.get("prompt") != prompt.id:
            # A page left open in another tab, or sent twice: nothing is recorded; the current question is shown.
            return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)
        sent = form.get(FIELD)
        try:
            values = flow.parse(prompt, typed_answer(prompt, form, dont_know="dont_know" in form))
        except AnswerError as err:
            return self.question_page(request, name, flow, prompt, typed=sent if isinstance(sent, str) else None,
                                      problem=str(err))
        flow.answer(prompt, values)
        work.save(flow.answers, path)
        return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)

    async def back(self, request: Request) -> Response:
        name, path = self.named(request)
        await self.form(request)
        flow = work.open_flow(path)
        order = flow.answers.order
        if not order or order[-1] == SUBJECT_PATH:
            return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)
        again = flow.back()
        work.save(flow.answers, path)
        query = urlencode({"was": json.dumps(again.previous)}) if again is not None else ""
        return RedirectResponse(f"/a/{quote(name)}/interview?{query}", status_code=303)

    # -- result -----------------------------------------------------------------------------------

    async def result(self, request: Request) -> Response:
        name, path = self.named(request)
        flow = work.open_flow(path)
        assessment = work.assessment_of(flow.answers, flow.interview.as_of)
        fact = request.query_params.get("fact", "").strip()
        what_if = work.what_if(path, fact, request.query_params.get("value", "")) if fact else None
        titles = work.labels(assessment, what_if)
        return self.page(
            request, "result.html", name=name, subject=flow.answers.name, assessment=assessment,
            headline=work.headline(assessment), more=flow.next() is not None, done="done" in request.query_params,
            what_if=what_if, titles=titles, paths=_grouped(settable_paths()), fact=fact, progress=flow.progress(),
            show_value=show_value,
        )

    async def memo(self, request: Request) -> Response:
        _, path = self.named(request)
        return HTMLResponse(work.memo(path, "html"), headers={"Content-Security-Policy": MEMO_POLICY})

    async def download(self, request: Request) -> Response:
        name, path = self.named(request)
        kind = request.path_params["kind"]
        stem = Path(name).stem
        if kind == "facts":
            body, media, filename = path.read_bytes(), "application/yaml", name
            if path.suffix == ".json":
                media = "application/json"
        elif kind == "memo.md":
            body, media = work.memo(path, "markdown").encode(), "text/markdown; charset=utf-8"
            filename = f"{stem}-memo.md"
        elif kind == "memo.html":
            body, media = work.memo(path, "html").encode(), "text/html; charset=utf-8"
            filename = f"{stem}-memo.html"
        else:
            raise Refusal(404, "There is no such download.")
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    # -- inventory --------------------------------------------------------------------------------

    async def inventory_page(self, request: Request) -> Response:
        rows = inventory_rows(self.inventory.checked(), self.folder.root)
        key = request.query_params.get("sort", "name")
        descending = request.query_params.get("order") == "desc"
        rows = sort_rows(rows, key, descending)
        return self.page(request, "inventory.html", rows=rows, columns=COLUMNS, sort=key, descending=descending,
                         folder=self.folder.root)

    async def inventory_export(self, request: Request) -> Response:
        return Response(self.inventory.jsonl(), media_type="application/x-ndjson",
                        headers={"Content-Disposition": 'attachment; filename="aiact-inventory.jsonl"'})


def _grouped(paths: tuple[str, ...]) -> dict[str, list[str]]:
    """Fact paths by their section (``artefact``, ``operator`` ...), for the what-if's list."""
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(path.split(".")[0] if "." in path else "file", []).append(path)
    return groups


def _earlier(text: str | None, paths: tuple[str, ...]) -> dict[str, object] | None:
    """The earlier answer carried in the URL after "back", when it is to this prompt (used only to pre-select)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or not value or not set(value) <= set(paths):
        return None
    return value


def create_app(folder: DataFolder, hosts: frozenset[str], *, warm_up: bool = False) -> Starlette:
    """The application for one data folder, answering only to ``hosts`` (``name:port`` values).

    ``warm_up`` starts assessing the folder for the inventory in the background at once.
    """
    pages = Pages(folder)
    if warm_up:
        pages.inventory.warm_up()

    async def refused(scope: Any, receive: Any, send: Any) -> None:
        refusal: Refusal = scope["state"]["refusal"]
        request = Request(scope, receive)
        await pages.error(request, refusal.status, refusal.message)(scope, receive, send)

    async def on_refusal(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        return pages.error(request, exc.status, exc.message)

    async def on_fact_file_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, FactFileError)
        return pages.error(request, 422, "This assessment's fact file is not valid any more (was it edited by "
                                         "hand?). Correct it and reload:", tuple(exc.problems))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = {404: "There is no such page.", 405: "This page cannot be used that way."}.get(
            exc.status_code, "The request could not be served.")
        return pages.error(request, exc.status_code, message)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return pages.error(request, 500, "Something went wrong inside aiact (a defect in aiact, not in your "
                                         "input). Your saved answers are safe; the details are in the server's log.")

    routes = [
        Route("/", pages.start_page),
        Route("/new", pages.new, methods=["POST"]),
        Route("/upload", pages.upload, methods=["POST"]),
        Route("/inventory", pages.inventory_page),
        Route("/inventory.jsonl", pages.inventory_export),
        Route("/a/{name}", pages.result),
        Route("/a/{name}/interview", pages.interview),
        Route("/a/{name}/answer", pages.answer, methods=["POST"]),
        Route("/a/{name}/back", pages.back, methods=["POST"]),
        Route("/a/{name}/memo", pages.memo),
        Route("/a/{name}/download/{kind}", pages.download),
        Route("/static/style.css", pages.stylesheet),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(HostGuard, hosts=hosts, refuse=refused)],
        exception_handlers={
            Refusal: on_refusal, FactFileError: on_fact_file_error, HTTPException: on_http, Exception: on_crash,
        },
    )
    app.state.inventory = pages.inventory
    return app
