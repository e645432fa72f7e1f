"""The memo as one standalone HTML page, rendered from the same Markdown.

HTML is made from the Markdown, never separately, so the two cannot say
different things. The page carries its stylesheet inline and links to
nothing, so it can be mailed, archived or printed as one file. Raw HTML in
the Markdown is not passed through (the memo writes none; a fact value that
looks like HTML stays text).
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files

from markdown_it import MarkdownIt

from .wording import fill


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _resource(name: str) -> str:
    return files("aiact.reports").joinpath(name).read_text(encoding="utf-8")


def render_html(markdown: str, *, title: str, version: str) -> str:
    """A complete HTML document (``lang="en"``, inline CSS) for the memo's Markdown."""
    body = _parser().render(markdown)
    return fill(
        _resource("templates/page.html"),
        title=escape(title),
        version=escape(version),
        css=_resource("memo.css"),
        body=body,
    )
