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
from aiact.engine.catalogue import fact_catalogue
from aiact.engine.loading import MAX_BYTES, settable_paths
from aiact.engine.whatmatters import FactEffect
from aiact.questionnaires import Question
from aiact.questionnaires.answers import AnswerError, show_value
from aiact.questionnaires.session import Interview
from aiact.questionnaires.texts import SUBJECT_PATH

from . import work
from .folder import DataFolder, NoSuchAssessment
from .guard import CSRF_COOKIE, CSRF_FIELD, HostGuard, Refusal, new_token, token_matches
from .inventory import COLUMNS, inventory_rows, sort_rows
from .questions import asked_question, question_view, read_answer
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
        return RedirectResponse(f"/a/{quote(outcome.name)}", status_code=303)

    # -- interview --------------------------------------------------------------------------------

    async def interview(self, request: Request) -> Response:
        name, path = self.named(request)
        session = work.open_interview(path)
        step = session.step()
        revisit = request.query_params.get("ask")
        effect = step.effect
        previous: object = None
        if revisit and revisit in session.questionnaire.questions and revisit not in session.answers.facts:
            effect = step.effects.get(revisit)
            question = session.questionnaire.questions[revisit]
            previous = _earlier(request.query_params.get("was"))
        elif effect is None:
            return RedirectResponse(f"/a/{quote(name)}?done=1", status_code=303)
        else:
            question = session.questionnaire.questions[effect.path]
        return self.question_page(request, name, session, question, effect, previous)

    def question_page(self, request: Request, name: str, session: Interview, question: Question,
                      effect: FactEffect | None, previous: object = None, typed: str | None = None,
                      problem: str | None = None) -> Response:
        step = session.step()
        topics = session.questionnaire.topics
        topic = next((t.title for t in topics if t.id == question.topic), "")
        return self.page(
            request, "interview.html", status=400 if problem else 200,
            name=name, subject=session.answers.name, topic=topic,
            q=question_view(question, effect, previous, typed), problem=problem,
            progress=step.progress, answered=len(session.answers.order), headline=work.panel(session),
            can_go_back=bool(session.answers.order) and session.answers.order[-1] != SUBJECT_PATH,
        )

    async def answer(self, request: Request) -> Response:
        name, path = self.named(request)
        form = await self.form(request)
        session = work.open_interview(path)
        fact = str(form.get("path", ""))
        question = asked_question(session.questionnaire, fact)
        if question is None:
            raise Refusal(400, f"{fact!r} is not a question of the interview.")
        try:
            value = read_answer(fact_catalogue()[fact], form, fact, dont_know="dont_know" in form)
        except AnswerError as err:
            step = session.step()
            typed = str(form.get(fact, "")) if isinstance(form.get(fact), str) else None
            return self.question_page(request, name, session, question, step.effects.get(fact),
                                      typed=typed, problem=str(err))
        session.answer(fact, value)
        work.save(session.answers, path)
        return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)

    async def back(self, request: Request) -> Response:
        name, path = self.named(request)
        await self.form(request)
        session = work.open_interview(path)
        if not session.answers.order or session.answers.order[-1] == SUBJECT_PATH:
            return RedirectResponse(f"/a/{quote(name)}/interview", status_code=303)
        undone = session.undo()
        work.save(session.answers, path)
        assert undone is not None
        fact, value = undone
        query = urlencode({"ask": fact, "was": json.dumps(value)})
        return RedirectResponse(f"/a/{quote(name)}/interview?{query}", status_code=303)

    # -- result -----------------------------------------------------------------------------------

    async def result(self, request: Request) -> Response:
        name, path = self.named(request)
        session = work.open_interview(path)
        assessment = work.assessment_of(session.answers, session.as_of)
        step = session.step()
        fact = request.query_params.get("fact", "").strip()
        what_if = work.what_if(path, fact, request.query_params.get("value", "")) if fact else None
        titles = {cid: title for cid, title, _ in work.headline(assessment)}
        return self.page(
            request, "result.html", name=name, subject=session.answers.name, assessment=assessment,
            headline=work.headline(assessment), more=step.effect is not None, done="done" in request.query_params,
            what_if=what_if, titles=titles, paths=settable_paths(), fact=fact, progress=step.progress,
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


def _earlier(text: str | None) -> object:
    """The earlier answer carried in the URL after "back" (only ever used to pre-select a control)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, bool | str | int | float | list) else None


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
