"""The memo (``aiact memo``): structure, faithfulness to the assessment, validity, determinism.

Assertions are about what a reader sees (section headings, citations, the
"not legal advice" statement, the marks on guideline and amendment steps),
not about incidental formatting.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt
from markdown_it.token import Token

from aiact import __version__, default_engine
from aiact.engine import Assessment, FactFile, load_fact_file, validate
from aiact.engine.result import InferredFact, Obligation, OpenQuestion, Reason
from aiact.main import cli
from aiact.reports.html import render_html
from aiact.reports.memo import MemoInput, memo_title, render_memo
from aiact.rules import rule_base

FACTS = Path(__file__).parent / "memo_facts"
AS_OF = date(2026, 11, 23)
SECTIONS = (
    "About this assessment",
    "Summary",
    "Facts relied on",
    "Reasoning",
    "Obligations",
    "Open questions",
    "Assumptions and limits",
)
SCENARIOS = ("prohibited_scraper", "high_risk_deployer", "open_model", "empty", "awkward_text")


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def assessed(name: str) -> tuple[Assessment, FactFile, Path]:
    path = FACTS / f"{name}.yaml"
    facts = load_fact_file(path)
    return default_engine().assess(facts, as_of=AS_OF), facts, path


def memo_for(name: str, assessment: Assessment | None = None, **extra: object) -> str:
    real, facts, path = assessed(name)
    questions = {p: text.question for p, text in default_engine().questions.items()}
    memo = MemoInput(
        assessment or real, facts, rule_base(), __version__, path.name,
        hashlib.sha256(path.read_bytes()).hexdigest(), questions=questions, **extra,  # type: ignore[arg-type]
    )
    return render_memo(memo)


def section(markdown: str, title: str) -> str:
    """The text of one ``##`` section, up to the next one."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_section_is_there_in_order(name: str) -> None:
    markdown = memo_for(name)
    _, _, path = assessed(name)
    headings = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert headings == list(SECTIONS)
    assert markdown.startswith("# EU AI Act assessment: ")
    assert "not legal advice" in section(markdown, "Assumptions and limits")
    about = section(markdown, "About this assessment")
    assert "2026-11-23" in about
    assert hashlib.sha256(path.read_bytes()).hexdigest() in about
    assert f"aiact {__version__}" in about
    assert "Regulation (EU) 2024/1689" in about


def empty_sections(markdown: str) -> list[str]:
    """Headings with no content before the next heading of the same or a higher level."""
    tokens = parser().parse(markdown)
    empty: list[str] = []
    stack: list[tuple[int, str, bool]] = []
    blocks = {"paragraph_open", "table_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            level = int(token.tag[1])
            while stack and stack[-1][0] >= level:
                _, text, filled = stack.pop()
                empty += [] if filled else [text]
            stack.append((level, tokens[index + 1].content, False))
        elif token.type in blocks and token.level == 0:
            stack = [(level, text, True) for level, text, _ in stack]
    return empty + [text for _, text, filled in stack if not filled]


def test_the_empty_section_check_works() -> None:
    assert empty_sections("# T\n\nlead\n\n## A\n\n## B\n\ntext\n") == ["A"]
    assert empty_sections("# T\n\n## A\n\n### A1\n\ntext\n") == []


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_section_is_empty(name: str) -> None:
    assert empty_sections(memo_for(name)) == []


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_memo_shows_everything_the_assessment_holds(name: str) -> None:
    """No conclusion, reason, obligation or open question is dropped on the way to the page."""
    assessment, _, _ = assessed(name)
    text = parser().render(memo_for(name))
    for cid, conclusion in assessment.conclusions.items():
        assert f"<code>{cid}</code>" in text
        for reason in conclusion.because:
            assert f"<code>{reason.rule}</code>" in text
            assert reason.citation in text
    for obligation in assessment.obligations:
        assert f"<code>{obligation.id}</code>" in text
        assert obligation.citation in text
    for question in assessment.open_questions:
        assert question.id.split(":", 1)[1] in text


def test_an_empty_fact_file_says_none_rather_than_leaving_sections_empty() -> None:
    markdown = memo_for("empty")
    assert "Unnamed system" in markdown.splitlines()[0]
    assert "None: every fact was left unknown." in section(markdown, "Facts relied on")
    assert "not stated" in section(markdown, "Summary")
    assessment, _, _ = assessed("empty")
    assert all(o.status == "undetermined" for o in assessment.obligations), "nothing is known, so nothing applies"
    obligations = section(markdown, "Obligations")
    if assessment.obligations:
        rows = [line for line in obligations.splitlines() if line.startswith("| ") and "(`art_" in line]
        assert len(rows) == len(assessment.obligations)
        assert all("may apply (turns on open questions)" in row for row in rows)
    else:
        assert obligations.strip().startswith("None")


def test_unknown_facts_that_matter_are_listed_with_the_facts() -> None:
    assessment, _, _ = assessed("empty")
    facts_text = section(memo_for("empty"), "Facts relied on")
    asked = [q.path for q in assessment.open_questions if q.kind == "fact" and q.path]
    assert asked, "an empty fact file leaves facts that matter unknown"
    for path in asked:
        assert f"`{path}`" in facts_text


def test_stated_facts_are_in_the_facts_table_with_their_values() -> None:
    facts_text = section(memo_for("prohibited_scraper"), "Facts relied on")
    assert "| `prohibited.untargeted_facial_scraping` | yes | stated in the fact file |" in facts_text
    assert "| `market.channels` | api |" in facts_text


def test_metadata_names_the_subject_and_the_law_counted() -> None:
    about = section(memo_for("prohibited_scraper"), "About this assessment")
    assert "FaceHarvest" in about
    assert "**Version assessed:** 2.0" in about
    assert "Regulation (EU) 2026/1744" in about
    assert "secondary sources" in about


def test_before_the_amendment_it_is_not_counted() -> None:
    _, facts, _ = assessed("prohibited_scraper")
    early = default_engine().assess(facts, as_of=date(2026, 1, 15))
    about = section(memo_for("prohibited_scraper", early), "About this assessment")
    assert "2026-01-15" in about
    assert "Not counted:" in about and "2026/1744" in about


# --- rendering of what the engine says (synthetic assessments, independent of the rule base) --


def enriched() -> Assessment:
    """A real assessment with every kind of content the memo must render added to it."""
    assessment, _, _ = assessed("open_model")
    conclusions = dict(assessment.conclusions)
    gpai = conclusions["gpai_model"]
    conclusions["gpai_model"] = gpai.model_copy(update={
        "status": "yes",
        "rests_on": ["compute_estimate"],
        "because": [
            Reason(rule="art3_63.guideline_step", citation="Art. 3(63), Recital 98", says="A guideline step.",
                   outcome="holds", conclusion="gpai_indicative_criterion", source="GL"),
            Reason(rule="art3_63.amended_step", citation="Art. 113", says="An amended step.",
                   outcome="holds", conclusion="gpai_model", source="SEC", reading="compute_estimate"),
        ],
    })
    obligations = [
        Obligation(id="art_53_1_a_technical_documentation", citation="Art. 53(1)(a)", role="provider",
                   applies_from="2025-08-02", in_force=True, status="yes", exempted_by="oss_exemption_gpai",
                   duty="Draw up technical documentation | keep it up to date.", date_source="Art. 113, point (b)",
                   max_fine="EUR 15 000 000 or 3 % of turnover (Art. 101)"),
        Obligation(id="art_26_high_risk_deployer", citation="Art. 26", role="deployer",
                   applies_from="2027-12-02", in_force=False, status="undetermined", exempted_by=None,
                   may_be_exempted_by=["oss_exemption_ai_system"], source="SEC",
                   applies_from_alternatives=["2030-08-02"], date_source="Art. 113(c) as amended"),
    ]
    questions = [
        *assessment.open_questions,
        OpenQuestion(id="legal:compute_estimate", kind="legal", question="Is the estimate reliable?",
                     affects=["gpai_model"], citations=["Art. 51(2)"], why="Near the threshold.",
                     readings=["Provider's estimate decides.", "Resolve conservatively."],
                     working_reading="The figure is taken as given."),
        OpenQuestion(id="fact:release.monetisation", kind="fact", question="Is it provided against a price?",
                     affects=["monetised"], citations=["Recital 103"], path="release.monetisation",
                     if_={"none": "monetised becomes no", "price": "monetised becomes yes"},
                     help="Paid support counts | sometimes."),
    ]
    inferred = [InferredFact(path="release.licence_grants.access", value=True, because="Apache-2.0 grants it.")]
    return assessment.model_copy(update={
        "conclusions": conclusions, "obligations": obligations, "open_questions": questions,
        "inferred_facts": inferred,
    })


def test_steps_resting_on_guidelines_or_the_amendment_are_marked() -> None:
    reasoning = section(memo_for("open_model", enriched()), "Reasoning")
    guideline = next(line for line in reasoning.splitlines() if "A guideline step." in line)
    amended = next(line for line in reasoning.splitlines() if "An amended step." in line)
    assert "[GL]" in guideline and "Art. 3(63), Recital 98" in guideline and "held" in guideline
    assert "[SEC]" in amended and "compute_estimate" in amended


def test_a_conclusion_resting_on_a_working_reading_says_so() -> None:
    markdown = memo_for("open_model", enriched())
    reasoning = section(markdown, "Reasoning")
    assert "Rests on a working reading" in reasoning
    assert "The figure is taken as given." in reasoning
    summary_line = next(line for line in section(markdown, "Summary").splitlines()
                        if line.startswith("  - General-purpose"))
    assert "**yes**" in summary_line and "working reading" in summary_line


def test_obligations_table_says_who_what_when_and_what_lifts_it() -> None:
    obligations = section(memo_for("open_model", enriched()), "Obligations")
    rows = [line for line in obligations.splitlines() if line.startswith("| Draw up") or "deployer" in line]
    first, second = rows
    assert "Art. 53(1)(a)" in first and "2025-08-02 (Art. 113, point (b))" in first
    assert "lifted by `oss_exemption_gpai`" in first and "EUR 15 000 000" in first
    assert "keep it up to date" in first and "\\|" in first
    assert "Art. 26 *[SEC]*" in second and "not yet" in second and "2030-08-02" in second
    assert "may be lifted by `oss_exemption_ai_system`" in second


def test_open_questions_stand_out_with_what_each_answer_changes() -> None:
    questions = section(memo_for("open_model", enriched()), "Open questions")
    assert "> ⚠ **Fact to establish:** Is it provided against a price?" in questions
    assert "> - if **price**: monetised becomes yes" in questions
    assert "> ⚠ **Open legal question (`compute_estimate`):** Is the estimate reliable?" in questions
    assert "> - Resolve conservatively." in questions
    assert "Working reading taken by the tool: The figure is taken as given." in questions


def test_inferred_facts_are_marked_as_inferred() -> None:
    facts_text = section(memo_for("open_model", enriched()), "Facts relied on")
    row = next(line for line in facts_text.splitlines() if "`release.licence_grants.access`" in line)
    assert "inferred: Apache-2.0 grants it." in row


def test_summary_opens_with_the_bottom_line() -> None:
    summary = section(memo_for("open_model", enriched()), "Summary")
    first = summary.strip().splitlines()[0]
    assert first.startswith("**Bottom line.**")
    assert "Yes: General-purpose AI model" in first


def test_summary_counts_obligations_and_questions() -> None:
    summary = section(memo_for("open_model", enriched()), "Summary")
    assert "0 in force on 2026-11-23, 1 applying later, 1 lifted by an exemption" in summary
    assessment = enriched()
    facts = sum(q.kind == "fact" for q in assessment.open_questions)
    legal = sum(q.kind == "legal" for q in assessment.open_questions)
    assert f"{facts} fact(s) to establish and {legal} legal question(s)" in summary


def test_what_if_settings_are_shown() -> None:
    markdown = memo_for("open_model", settings=(("release.monetisation", "[price]"),))
    assert "`release.monetisation=[price]`" in section(markdown, "About this assessment")


# --- what the law says, once the rules are there ---------------------------------------------


def test_untargeted_facial_scraping_is_summarised_as_prohibited() -> None:
    markdown = memo_for("prohibited_scraper")
    line = next(line for line in section(markdown, "Summary").splitlines() if line.startswith("  - Prohibited"))
    assert "**yes**" in line
    assert "Yes: Prohibited" in section(markdown, "Summary")
    assert "Art. 5(1)(e)" in section(markdown, "Reasoning")


def test_a_cv_screening_deployer_is_summarised_as_high_risk_with_deployer_duties() -> None:
    markdown = memo_for("high_risk_deployer")
    line = next(line for line in section(markdown, "Summary").splitlines() if line.startswith("  - High-risk"))
    assert "**yes**" in line
    assert "Annex III" in section(markdown, "Reasoning")
    obligations = section(markdown, "Obligations")
    assert "Art. 26" in obligations and "deployer" in obligations


def test_an_open_model_is_summarised_as_exempt_and_its_duties_lifted() -> None:
    markdown = memo_for("open_model")
    line = next(line for line in section(markdown, "Summary").splitlines()
                if line.startswith("  - Open-source exemption for GPAI"))
    assert "**yes**" in line
    assert "lifted by `oss_exemption_gpai`" in section(markdown, "Obligations")


# --- CommonMark and tables --------------------------------------------------------------------


def _rows(tokens: list[Token]) -> list[int]:
    counts, current = [], 0
    for token in tokens:
        if token.type == "tr_open":
            current = 0
        elif token.type in {"th_open", "td_open"}:
            current += 1
        elif token.type == "tr_close":
            counts.append(current)
    return counts


@pytest.mark.parametrize("name", SCENARIOS)
def test_markdown_is_valid_commonmark_with_tables_that_render(name: str) -> None:
    markdown = memo_for(name, enriched() if name == "open_model" else None)
    tokens = parser().parse(markdown)
    written = sum(1 for line in markdown.splitlines() if line.startswith("| --- |"))
    rendered = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(rendered) == written
    for start in rendered:
        end = next(i for i in range(start, len(tokens)) if tokens[i].type == "table_close")
        widths = set(_rows(tokens[start:end]))
        assert len(widths) == 1, "every row of a table has as many cells as its header"
    html = parser().render(markdown)
    assert "<p>|" not in html, "a table failed to render"
    assert "<script" not in html


def test_awkward_text_stays_literal() -> None:
    markdown = memo_for("awkward_text")
    html = parser().render(markdown)
    assert "<h1>EU AI Act assessment: Acme | *Chat* &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "# not a heading second line | with a pipe" in html
    assert "<td>custom|licence *v2*</td>" in html
    assert len(re.findall(r"^# ", markdown, flags=re.M)) == 1


# --- determinism ------------------------------------------------------------------------------


def test_same_facts_same_bytes() -> None:
    assert memo_for("open_model") == memo_for("open_model")


def test_field_order_in_the_fact_file_does_not_matter(tmp_path: Path) -> None:
    document = yaml.safe_load((FACTS / "open_model.yaml").read_text())

    def reverse(node: object) -> object:
        if isinstance(node, dict):
            return {key: reverse(node[key]) for key in reversed(list(node))}
        if isinstance(node, list):
            return list(reversed(node))
        return node

    memos = []
    for doc in (document, reverse(document)):
        facts = validate(doc)
        assessment = default_engine().assess(facts, as_of=AS_OF)
        memos.append(render_memo(MemoInput(assessment, facts, rule_base(), __version__, "f.yaml", "0" * 64)))
    assert memos[0] == memos[1]


def test_no_clock_is_read() -> None:
    """The only dates are the assessment's own and those of the law (none is today's, unless as_of is)."""
    markdown = memo_for("empty")
    today = date.today().isoformat()
    assert today == AS_OF.isoformat() or today not in markdown


# --- HTML -------------------------------------------------------------------------------------


def test_html_is_one_standalone_page_with_every_section() -> None:
    assessment, _, _ = assessed("open_model")
    html = render_html(memo_for("open_model"), title=memo_title(assessment), version=__version__)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert "<title>EU AI Act assessment: OpenWeights-7B</title>" in html
    assert "<style>" in html and "@media print" in html
    assert not re.search(r"<link|<script|src=|url\(|@import", html)
    for title in SECTIONS:
        assert f"<h2>{title}</h2>" in html
    assert "<table>" in html and "not legal advice" in html


def test_html_title_is_escaped() -> None:
    assessment, _, _ = assessed("awkward_text")
    html = render_html(memo_for("awkward_text"), title=memo_title(assessment), version=__version__)
    assert "<title>EU AI Act assessment: Acme | *Chat* &lt;script&gt;" in html
    assert "<script>" not in html


# --- the command ------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["memo", *args])
    return result.exit_code, result.stdout, result.stderr


def test_memo_to_stdout() -> None:
    code, out, err = run(str(FACTS / "prohibited_scraper.yaml"))
    assert code == 0, err
    assert out == memo_for("prohibited_scraper")


def test_memo_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    code, out, err = run(str(FACTS / "prohibited_scraper.yaml"), "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8") == memo_for("prohibited_scraper")
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"], "no temporary file is left behind"


def test_memo_as_html(tmp_path: Path) -> None:
    code, out, _ = run(str(FACTS / "open_model.yaml"), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and "<h2>Summary</h2>" in out
    target = tmp_path / "memo.html"
    code, _, _ = run(str(FACTS / "open_model.yaml"), "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8") == out


def test_as_of_option_sets_the_date(tmp_path: Path) -> None:
    code, out, _ = run(str(FACTS / "empty.yaml"), "--as-of", "2027-03-01")
    assert code == 0
    assert "**Date of assessment:** 2027-03-01" in out


def test_bad_input_exits_2_one_line_per_problem_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: aiact-facts/1\nsubject: {name: X}\nartefact: {ai_sytem: true, gpai_model: maybe}\n")
    target = tmp_path / "memo.md"
    code, out, err = run(str(bad), "-o", str(target))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(str(bad)) for line in lines)
    assert "ai_system" in err  # the typo is named with its nearest valid field
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_bad_input_leaves_an_existing_memo_untouched(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("previous memo\n")
    code, _, _ = run(str(tmp_path / "missing.yaml"), "-o", str(target))
    assert code == 2
    assert target.read_text() == "previous memo\n"


def test_output_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    code, _, err = run(str(FACTS / "empty.yaml"), "-o", str(tmp_path / "nowhere" / "memo.md"))
    assert code == 2 and "does not exist" in err


def test_set_changes_a_fact_and_the_memo_says_so() -> None:
    code, out, err = run(str(FACTS / "open_model.yaml"), "--set", "release.monetisation=[price]",
                         "--set", "artefact.training_compute_flop=2e25")
    assert code == 0, err
    about = section(out, "About this assessment")
    assert "`release.monetisation=[price]`" in about and "`artefact.training_compute_flop=2e25`" in about
    facts_text = section(out, "Facts relied on")
    row = next(line for line in facts_text.splitlines() if "`release.monetisation`" in line)
    assert "| price | what-if change (--set) |" in row
    assert hashlib.sha256((FACTS / "open_model.yaml").read_bytes()).hexdigest() in about


def test_bad_settings_exit_2_one_line_each_and_write_nothing(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    code, _, err = run(str(FACTS / "open_model.yaml"), "--set", "artefact.ai_sytem=true", "--set", "nonsense",
                       "-o", str(target))
    assert code == 2
    assert len(err.strip().splitlines()) == 2 and "artefact.ai_system" in err
    code, _, err = run(str(FACTS / "open_model.yaml"), "--set", "artefact.ai_system=perhaps", "-o", str(target))
    assert code == 2 and "'perhaps' is not a yes/no answer" in err
    assert not target.exists()


def test_memo_command_has_help() -> None:
    result = CliRunner().invoke(cli, ["memo", "--help"])
    assert result.exit_code == 0 and "--format" in result.output and "-o" in result.output


# --- the example memos under docs/memos -------------------------------------------------------

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MEMOS = ROOT / "docs" / "memos"
REFRESH = (
    'for f in examples/*.yaml; do .venv/bin/aiact memo "$f" -o "docs/memos/$(basename "$f" .yaml).md"; done'
)


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.yaml on this branch yet")
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_memo_is_up_to_date(example: Path) -> None:
    """docs/memos/<name>.md is exactly what ``aiact memo examples/<name>.yaml`` prints today."""
    stored = MEMOS / f"{example.stem}.md"
    assert stored.exists(), f"docs/memos/{stored.name} is missing; refresh the memos (from the repo root): {REFRESH}"
    facts = load_fact_file(example)
    assert facts.as_of is not None, f"{example.name} needs an as_of, or its memo changes every day"
    code, out, err = run(str(example))
    assert code == 0, err
    assert out == stored.read_text(encoding="utf-8"), (
        f"docs/memos/{stored.name} is stale; refresh the memos (from the repo root): {REFRESH}"
    )


def test_no_memo_without_its_example() -> None:
    memos = [p for p in MEMOS.glob("*.md") if p.name != "README.md"]
    stale = sorted(p.name for p in memos if not (ROOT / "examples" / f"{p.stem}.yaml").exists())
    assert stale == [], f"memos whose example is gone (delete them): {stale}"
