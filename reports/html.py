"""The memo as one standalone HTML page, rendered from the same Markdown.

HTML is made from the Markdown, never separately, so the two cannot say
different things. The page carries its stylesheet inline and links to
nothing outside itself, so it can be mailed, archived or printed as one
file. Raw HTML in the Markdown is not passed through (the memo writes none;
a fact value that looks like HTML stays text).

What the page adds is navigation only: every heading gets an anchor, and a
table of contents of the sections sits, as one line, under the title block. Code spans
(fact paths in the facts table) may break only after a dot or an
underscore, so a narrow column wraps ``artefact.ai_system`` between its
words instead of in the middle of one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .wording import fill

_BREAK_AFTER = re.compile(r"([._/])(?=\w)")
_DATE = re.compile(r"(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])")
"""An ISO date in text: kept on one line (a narrow column broke "2027-12-02" after its month)."""


def _code_inline(renderer: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    """A code span that may wrap after a dot, underscore or slash, and nowhere else."""
    text = _BREAK_AFTER.sub(r"\1<wbr>", escape(tokens[idx].content, quote=False))
    return f"<code>{text}</code>"


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.add_render_rule("code_inline", _code_inline)
    return parser


def _resource(name: str) -> str:
    return files("aiact.reports").joinpath(name).read_text(encoding="utf-8")


def slug(text: str, taken: set[str]) -> str:
    """An anchor for a heading: its words in lower case joined by hyphens, unique on the page."""
    base = "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "section"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def _anchor_headings(tokens: list[Token]) -> list[tuple[int, str, str]]:
    """Give every heading an id; return (level, id, text) for each, in order."""
    taken: set[str] = set()
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = tokens[index + 1].content
            anchor = slug(text, taken)
            token.attrSet("id", anchor)
            found.append((int(token.tag[1]), anchor, text))
    return found


def _contents(headings: list[tuple[int, str, str]]) -> str:
    """The table of contents: one line of links to the sections (every subsection has its anchor too)."""
    items = "".join(
        f'<li><a href="#{anchor}">{escape(_plain(text))}</a></li>' for level, anchor, text in headings if level == 2
    )
    return f'<nav class="toc" aria-label="Contents"><ol>{items}</ol></nav>\n'


def _plain(markdown_inline: str) -> str:
    """A heading's inline Markdown as plain text (escapes and emphasis marks dropped)."""
    return re.sub(r"\\(.)", r"\1", markdown_inline).replace("*", "")


def render_html(markdown: str, *, title: str, version: str) -> str:
    """A complete HTML document (``lang="en"``, inline CSS) for the memo's Markdown."""
    parser = _parser()
    tokens = parser.parse(markdown)
    headings = _anchor_headings(tokens)
    body = _DATE.sub(r'<span class="date">\1</span>', parser.renderer.render(tokens, parser.options, {}))
    first_section = re.search(r"<h2[ >]", body)
    if first_section:
        at = first_section.start()
        body = body[:at] + _contents(headings) + body[at:]
    return fill(
        _resource("templates/page.html"),
        title=escape(title),
        version=escape(version),
        css=_resource("memo.css"),
        body=body,
    )
