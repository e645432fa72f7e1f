"""The memo (``aiact memo``): the reader's structure, faithfulness to the assessment, limits, determinism.

Assertions are about what a reader sees (the eight sections in their order,
the answer on top, no engine ids outside the appendices, the word limits,
the marks on guideline and amendment steps), not about incidental formatting.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
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
from aiact.reports.memo_limits import ANSWER_LIMIT, READING_LIMIT, measure, words
from aiact.rules import rule_base

FACTS = Path(__file__).parent / "memo_facts"
AS_OF = date(2026, 11, 23)
SECTIONS = (
    "Answer",
    "Reasoning",
    "Duties in detail",
    "Open questions",
    "Appendix A: Facts",
    "Appendix B: Assumptions and limits",
    "Appendix C: Rule trail",
)
SCENARIOS = ("prohibited_scraper", "high_risk_deployer", "open_model", "empty", "awkward_text", "not_reached_importer")
ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


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


def example_memo(path: Path) -> str:
    code, out, err = run(str(path))
    assert code == 0, err
    return out


def section(markdown: str, title: str) -> str:
    """The text of one ``##`` section, up to the next one."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def title_block(markdown: str) -> str:
    return markdown.split("\n## ", 1)[0]


def before_appendix_b(markdown: str, fact_file: str) -> str:
    """Sections 1 to 6 with Appendix A's path column (its last) and the fact file's own name taken out."""
    text = markdown.split("\n## Appendix B", 1)[0].replace(fact_file, "FILE")
    facts = section(text, "Appendix A: Facts")
    stripped = "\n".join(re.sub(r"\| `[^`]*` \|$", "|", line) for line in facts.splitlines())
    return text.replace(facts, stripped)


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_sections_are_the_readers_in_order(name: str) -> None:
    markdown = memo_for(name)
    _, _, path = assessed(name)
    assert re.findall(r"^## (.+)$", markdown, flags=re.M) == list(SECTIONS)
    assert markdown.startswith("# EU AI Act assessment: ")
    block = title_block(markdown)
    assert len([line for line in block.splitlines() if line.strip()]) <= 12
    assert "2026-11-23" in block and f"aiact {__version__}" in block and "Regulation (EU) 2024/1689" in block
    assert hashlib.sha256(path.read_bytes()).hexdigest() in block
    assert "not legal advice" in block and "not legal advice" in section(markdown, "Appendix B: Assumptions and limits")


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
def test_the_rule_trail_holds_every_id_of_the_assessment(name: str) -> None:
    """No rule, conclusion, obligation or open question is dropped: Appendix C names each by its id."""
    assessment, _, _ = assessed(name)
    trail = section(memo_for(name), "Appendix C: Rule trail")
    for cid, conclusion in assessment.conclusions.items():
        assert f"`{cid}`" in trail
        for reason in conclusion.because:
            assert f"`{reason.rule}`" in trail and reason.citation in trail
    for obligation in assessment.obligations:
        assert f"`{obligation.id}`" in trail
    for question in assessment.open_questions:
        assert f"`{question.id}`" in trail


def test_the_id_check_finds_an_id() -> None:
    assert SNAKE.search("see art_16_high_risk_provider") and not SNAKE.search("Art. 16 (provider), non-EU")


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_engine_id_appears_before_the_appendices_but_in_the_path_column(name: str) -> None:
    markdown = memo_for(name)
    _, _, path = assessed(name)
    found = SNAKE.findall(before_appendix_b(markdown, path.name))
    assert found == [], f"ids outside the appendices: {sorted(set(found))}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_engine_id_in_an_example_memo_before_the_appendices(example: Path) -> None:
    found = SNAKE.findall(before_appendix_b(example_memo(example), example.name))
    assert found == [], f"ids outside the appendices: {sorted(set(found))}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_example_memo_stays_within_the_readers_limits(example: Path) -> None:
    length = measure(example_memo(example))
    assert length.answer <= ANSWER_LIMIT, f"## Answer has {length.answer} words"
    assert length.reading <= READING_LIMIT, f"sections 1 to 5 have {length.reading} words"


def test_words_are_counted_as_a_reader_counts_them() -> None:
    assert words("| Duty | Article |\n| --- | --- |\n| Copyright policy | Art. 53(1)(c) |") == 6
    assert words("**Bold** *[GL]* `code` - item") == 4
    length = measure("# T\n\nfour words of title\n\n## Answer\n\none two\n\n## Appendix A: Facts\n\nnot counted\n")
    assert length.answer == 2 and length.reading == 2 + 5


def test_the_memo_gives_way_in_length_before_it_breaks_a_limit() -> None:
    """The empty fact file leaves everything open: the memo is long, but the Answer still fits."""
    assert measure(memo_for("empty")).answer <= ANSWER_LIMIT


def test_each_level_of_brevity_is_no_longer_than_the_one_before() -> None:
    """The levels are tried in order until sections 1 to 5 fit: each must give way, never add; the last counts
    the steps settled as not applying (they stay named in Appendix C)."""
    from aiact.reports import memo as memo_module
    from aiact.reports.memo_facts import FactView
    from aiact.reports.memo_view import MemoView

    real, facts, path = assessed("high_risk_deployer")
    memo = MemoInput(real, facts, rule_base(), __version__, path.name, "-")
    fact_view = FactView.of(facts, real, {}, {})
    texts = [memo_module._render(memo, MemoView(real, rule_base(), fact_view, b)) for b in memo_module.BREVITY]
    readings = [measure(text).reading for text in texts]
    assert readings == sorted(readings, reverse=True) and readings[-1] < readings[0]
    last = section(texts[-1], "Reasoning")
    assert re.search(r"Not applying on the facts given: (1 further step|\d+ further steps), named in Appendix C", last)


# --- the Answer -------------------------------------------------------------------------------


def test_the_answer_says_whether_the_act_applies_in_which_role() -> None:
    answer = section(memo_for("high_risk_deployer"), "Answer")
    first = answer.strip().splitlines()[0]
    assert first == "**The AI Act applies** to this operator for this artefact, in the role of deployer."


def test_the_two_ways_of_becoming_a_provider_are_separate_lines() -> None:
    answer = section(memo_for("high_risk_deployer"), "Answer")
    high_risk = [line for line in answer.splitlines() if "provider of a high-risk system (Art. 25(1))" in line]
    gpai = "provider of the modified general-purpose AI model (guidelines 3.2)"
    modified = [line for line in answer.splitlines() if gpai in line]
    assert len(high_risk) == 1 and len(modified) == 1 and high_risk != modified


def provider_lines(facts: dict) -> tuple[str, str]:
    """The Answer's two provider lines (Art. 25(1), then the modified GPAI model) for a fact file's content."""
    fact_file = validate(facts, "provider-lines")
    memo = MemoInput(default_engine().assess(fact_file, as_of=AS_OF), fact_file, rule_base(), __version__,
                     "facts.yaml", "-")
    answer = section(render_memo(memo), "Answer").splitlines()
    high_risk = next(line for line in answer if "provider of a high-risk system (Art. 25(1))" in line)
    modified = next(line for line in answer if "provider of the modified general-purpose AI model" in line)
    return high_risk, modified


def scenario_facts(name: str) -> dict:
    return yaml.safe_load((ROOT / "tests" / "scenarios" / "value_chain" / f"{name}.yaml").read_text())["facts"]


@pytest.mark.parametrize(("name", "art_25_1", "modifier"), [
    ("art25_1_provider_model_modifier_not_of_a_high_risk_system", "no", "yes"),
    ("art25_1_provider_rebranded_system_no_model_modified", "yes", "no"),
    ("art25_1_provider_and_model_modifier_both", "yes", "yes"),
    ("art25_1_provider_open_while_model_modifier", "open", "yes"),
    ("art25_1_no_trigger_not_provider", "no", "no"),
])
def test_each_way_of_becoming_a_provider_states_its_own_finding(name: str, art_25_1: str, modifier: str) -> None:
    """Art. 25(1) and the GPAI modification (guidelines 3.2) have different consequences: each line gives its
    own finding and reason, whichever route decides the union, and the Art. 25(1) line never argues from the
    modified model (nor the other way round); an open line names the open question it turns on."""
    high_risk, modified = provider_lines(scenario_facts(name))
    assert f"**{art_25_1}**" in high_risk and f"**{modifier}**" in modified
    assert "general-purpose AI model" not in high_risk.split(":", 1)[1]
    assert "Art. 25(1)" not in modified
    if art_25_1 == "open":
        assert re.search(r"It turns on open question \d+\.", high_risk)


def test_every_duty_has_a_short_name_of_a_few_words() -> None:
    """The Answer's duty table names each duty in a few plain words (its full text is under Duties in detail);
    a duty added to the rule base without one would fall back to its text's first clause, a sentence."""
    names = yaml.safe_load((ROOT / "reports" / "templates" / "memo.yaml").read_text("utf-8"))["duty_names"]
    obligations = set(rule_base().obligations)
    assert sorted(obligations - set(names)) == []
    assert sorted(set(names) - obligations) == []
    assert [name for name in names.values() if not 1 <= len(name.split()) <= 7 or name.endswith(".")] == []


def test_what_the_act_does_not_reach_is_not_assessed_rather_than_open() -> None:
    """For an operator the Act does not reach, nothing about the system is asked: the memo says the
    classification was not assessed, instead of calling it open with no question behind it."""
    memo = memo_for("not_reached_importer")
    answer, reasoning = section(memo, "Answer"), section(memo, "Reasoning")
    assert answer.strip().startswith("**The AI Act does not apply**")
    assert "Not assessed, as the Act does not apply to this operator: whether it is" in answer
    assert "high-risk (Art. 6)" in answer.split("Not assessed", 1)[1]
    assert "**open**" not in answer and "the open questions" not in answer
    assert not re.search(r": open\.\*\*", reasoning)
    assert "Not assessed, as the Act does not apply to this operator: " in reasoning


def test_the_answer_names_what_it_is_and_why() -> None:
    answer = section(memo_for("high_risk_deployer"), "Answer")
    line = next(line for line in answer.splitlines() if line.startswith("- High-risk AI system"))
    assert "**yes**, because" in line and "Annex III" in line
    assert "It is not: excluded by Art. 2; derogated under Art. 6(3);" in answer


def test_the_answer_tables_the_duties_with_who_and_when() -> None:
    markdown = memo_for("high_risk_deployer")
    answer = section(markdown, "Answer")
    assert "| Duty | Article | Who | From | In force on 2026-11-23 |" in answer
    row = next(line for line in answer.splitlines() if "| Art. 26" in line)
    assert "| deployer |" in row and ("| yes |" in row or "| not yet |" in row)


def test_the_decisive_open_points_are_at_most_five_and_say_what_each_answer_changes() -> None:
    markdown = memo_for("empty")
    answer = section(markdown, "Answer")
    points = answer.split("**The decisive open points.**", 1)[1]
    numbered = re.findall(r"^(\d+)\. ", points, flags=re.M)
    assert 1 <= len(numbered) <= 5 and numbered == [str(n) for n in range(1, len(numbered) + 1)]
    questions = section(markdown, "Open questions")
    assert re.search(r"^1\. \*\*", questions, flags=re.M), "the numbers are those of the Open questions"
    assert "If *" in section(memo_for("open_model"), "Answer") or "None" in section(memo_for("open_model"), "Answer")


def test_a_settled_case_has_no_decisive_open_point() -> None:
    answer = section(memo_for("prohibited_scraper"), "Answer")
    assert "**The decisive open points.**" in answer


# --- the Reasoning ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_each_rule_step_appears_once_in_the_reasoning(name: str) -> None:
    assessment, _, _ = assessed(name)
    reasoning = section(memo_for(name), "Reasoning")
    sentences = {r.says.rstrip(".") for c in assessment.conclusions.values() for r in c.because if len(r.says) > 40}
    for says in sentences:
        assert reasoning.count(says) <= 1, f"printed more than once: {says}"


def test_the_reasoning_is_prose_under_a_lawyers_questions() -> None:
    reasoning = section(memo_for("high_risk_deployer"), "Reasoning")
    titles = re.findall(r"^### (.+)$", reasoning, flags=re.M)
    assert titles[:9] == [
        "Scope and role", "Placing on the market and putting into service", "Open-source status and monetisation",
        "Prohibited practices", "High-risk", "Transparency", "General-purpose AI model and systemic risk",
        "Value chain", "Dates and transitional rules",
    ]
    assert "**High-risk AI system (Art. 6): yes.**" in reasoning
    assert "Annex III point 4(a)" in reasoning


def test_an_open_step_points_to_its_open_question() -> None:
    reasoning = section(memo_for("empty"), "Reasoning")
    assert re.search(r": open\.\*\* .*This turns on open questions? [0-9]", reasoning)


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
                   may_be_exempted_by=["oss_exemption_ai_system"], source="SEC", duty="Use it as instructed.",
                   applies_from_alternatives=["2030-08-02"], date_source="Art. 113(c) as amended",
                   max_fine="EUR 15 000 000 or 3 % of turnover (Art. 99(4))"),
        Obligation(id="art_50_3_inform_exposed_persons", citation="Art. 50(3)", role="deployer",
                   applies_from="2026-08-02", in_force=True, status="yes", exempted_by=None,
                   duty="Inform the people exposed.", date_source="Art. 113",
                   max_fine="EUR 15 000 000 or 3 % of turnover (Art. 99(4))"),
    ]
    questions = [
        *assessment.open_questions,
        OpenQuestion(id="legal:compute_estimate", kind="legal", question="Is the estimate reliable?",
                     affects=["gpai_model"], citations=["Art. 51(2)"], why="Near the threshold.",
                     readings=["Provider's estimate decides.", "Resolve conservatively."],
                     working_reading="The figure is taken as given."),
        OpenQuestion(id="fact:release.monetisation", kind="fact", question="Is it provided against a price?",
                     affects=["monetised", "art_26_high_risk_deployer"], citations=["Recital 103"],
                     path="release.monetisation", weight=100,
                     if_={"none": "Provided against a price or otherwise monetised (recital 103): no",
                          "price": "Provided against a price or otherwise monetised (recital 103): yes; "
                                   "Everyone the provider charges is a microenterprise too (recital 103): no"},
                     help="Paid support counts | sometimes."),
    ]
    inferred = [InferredFact(path="release.licence_grants.access", value=True, because="Apache-2.0 grants it: note.")]
    return assessment.model_copy(update={
        "conclusions": conclusions, "obligations": obligations, "open_questions": questions,
        "inferred_facts": inferred,
    })


def test_steps_resting_on_guidelines_or_the_amendment_are_marked() -> None:
    reasoning = section(memo_for("open_model", enriched()), "Reasoning")
    assert "A guideline step (Art. 3(63), Recital 98 *[GL]*)." in reasoning
    assert "An amended step (Art. 113 *[SEC]*)." in reasoning


def test_a_step_resting_on_a_working_reading_says_so_and_the_reading_is_under_open_questions() -> None:
    markdown = memo_for("open_model", enriched())
    reasoning = section(markdown, "Reasoning")
    paragraph = next(line for line in reasoning.splitlines() if "An amended step" in line)
    number = re.search(r"working reading of open question (\d+)", paragraph)
    assert number, paragraph
    questions = section(markdown, "Open questions")
    item = next(line for line in questions.splitlines() if line.startswith(f"{number.group(1)}. "))
    assert "Is the estimate reliable?" in item and "Resolve conservatively" in item
    assert "The memo takes: The figure is taken as given." in item


def test_duties_in_detail_say_from_when_and_what_lifted_one() -> None:
    duties = section(memo_for("open_model", enriched()), "Duties in detail")
    assert "### Duties lifted by an exemption" in duties
    lifted = next(line for line in duties.splitlines() if "Technical documentation" in line)
    assert "lifted by the open-source exemption for GPAI models, because" in lifted
    assert "*From 2027-12-02 (Art. 113(c) as amended); in force on 2026-11-23: not yet.*" in duties
    assert "Later (2030-08-02)" in duties
    assert "An exemption may lift it: Art. 2(12) takes the open-source AI system out of the Act." in duties
    assert "Draw up technical documentation \\| keep it up to date" not in duties.split("### Duties lifted")[0]


def test_the_duties_one_exemption_lifts_share_one_item_with_its_reason_once() -> None:
    """Counsel checks an exemption once: the duties it lifts are named together, its reason is not repeated."""
    memo = example_memo(ROOT / "examples" / "mistral-like-apache.yaml")
    duties = section(memo, "Duties in detail").split("### Duties lifted")[1]
    items = [line for line in duties.splitlines() if line.startswith("- ")]
    lifted_by_gpai = [line for line in items if "open-source exemption for GPAI models" in line]
    assert len(lifted_by_gpai) == 1
    assert lifted_by_gpai[0].count("Art. 53(1)(") >= 2 and lifted_by_gpai[0].count(", because ") == 1


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_shortened_duty_never_leaves_a_parenthesis_open_or_a_colon_unfinished(example: Path) -> None:
    """At the shortest level what a duty entails is cut to its first clause: the cut shows (an ellipsis where
    words were dropped) and never breaks a parenthesis, as "(Annex VIII." once did."""
    duties = section(example_memo(example), "Duties in detail").split("### Duties lifted")[0]
    for line in duties.splitlines():
        if line.lstrip().startswith("- **"):
            assert line.count("(") == line.count(")"), line
            assert not line.rstrip().endswith(":"), line


def test_a_fine_is_stated_once_per_tier() -> None:
    markdown = memo_for("open_model", enriched())
    reading = markdown.split("\n## Appendix A", 1)[0]
    assert reading.count("EUR 15 000 000 or 3 % of turnover (Art. 99(4))") == 1
    fines = section(markdown, "Duties in detail").split("### Maximum fines", 1)[1]
    row = next(line for line in fines.splitlines() if "Art. 99(4))" in line)
    assert "Art. 26" in row and "Art. 50(3)" in row


def test_the_answer_table_marks_a_duty_that_turns_on_an_open_question() -> None:
    answer = section(memo_for("open_model", enriched()), "Answer")
    row = next(line for line in answer.splitlines() if "| Art. 26" in line)
    assert "(open: see open question 1)" in row and "| deployer | 2027-12-02 | not yet |" in row
    assert "1 further duty lifted by an exemption" in answer


def test_what_each_answer_changes_is_said_in_words() -> None:
    questions = section(memo_for("open_model", enriched()), "Open questions")
    item = next(line for line in questions.splitlines() if "Is it provided against a price?" in line)
    assert "If *price*: Provided against a price or otherwise monetised (recital 103): yes." in item, (
        "an internal step is left out when a headline conclusion changes too"
    )


def test_inferred_facts_say_from_what_in_one_line() -> None:
    facts_text = section(memo_for("open_model", enriched()), "Appendix A: Facts")
    row = next(line for line in facts_text.splitlines() if "`release.licence_grants.access`" in line)
    assert "inferred: Apache-2.0 grants it |" in row


def test_what_if_settings_are_shown() -> None:
    markdown = memo_for("open_model", settings=(("release.monetisation", "[price]"),))
    assert "`release.monetisation=[price]`" in title_block(markdown)


# --- facts and assumptions --------------------------------------------------------------------


def test_an_empty_fact_file_says_none_rather_than_leaving_sections_empty() -> None:
    markdown = memo_for("empty")
    assert "Unnamed system" in markdown.splitlines()[0]
    assert "None: every fact was left unknown." in section(markdown, "Appendix A: Facts")
    assert "in a role not yet stated" in section(markdown, "Answer")


def test_unknown_facts_that_matter_are_listed_with_the_facts() -> None:
    assessment, _, _ = assessed("empty")
    facts_text = section(memo_for("empty"), "Appendix A: Facts")
    asked = [q.path for q in assessment.open_questions if q.kind == "fact" and q.path]
    assert asked, "an empty fact file leaves facts that matter unknown"
    for path in asked:
        assert f"`{path}`" in facts_text


def test_stated_facts_are_shown_by_their_question_with_their_answer() -> None:
    facts_text = section(memo_for("prohibited_scraper"), "Appendix A: Facts")
    row = next(line for line in facts_text.splitlines() if "`prohibited.untargeted_facial_scraping`" in line)
    assert row.startswith("| Does it create or expand facial-recognition databases")
    assert row.endswith("| yes | stated | `prohibited.untargeted_facial_scraping` |")


def test_a_fact_that_decided_through_an_inference_or_an_internal_step_is_never_labelled_unused(
    tmp_path: Path,
) -> None:
    """The licence decides through the rights inferred from it; the placing date through Art. 111(2)."""
    llama = example_memo(ROOT / "examples" / "llama3-like-community-licence.yaml")
    licence = next(line for line in section(llama, "Appendix A: Facts").splitlines() if "`release.licence` |" in line)
    assert "not needed" not in licence
    document = yaml.safe_load((FACTS / "high_risk_deployer.yaml").read_text())
    document["operator"]["roles"] = ["provider"]
    document["market"]["first_placed_on"] = "2025-03-01"
    legacy = tmp_path / "legacy.yaml"
    legacy.write_text(yaml.safe_dump(document))
    memo = example_memo(legacy)
    rows = section(memo, "Appendix A: Facts").splitlines()
    placed = next(line for line in rows if "`market.first_placed_on`" in line)
    assert "not needed" not in placed


def test_only_the_assumptions_that_touched_the_case_are_listed_by_topic() -> None:
    model = section(example_memo(ROOT / "examples" / "llama3-like-community-licence.yaml"),
                    "Appendix B: Assumptions and limits")
    topics = re.findall(r"^### (.+)$", model, flags=re.M)
    assert topics[0] == "General" and "General-purpose AI model and systemic risk" in topics
    assert "High-risk" not in topics and "Prohibited practices" not in topics
    deployer = section(memo_for("high_risk_deployer"), "Appendix B: Assumptions and limits")
    assert "### High-risk" in deployer


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
    assert "<td>custom|licence *v2*</td>" in html
    assert len(re.findall(r"^# ", markdown, flags=re.M)) == 1


# --- determinism ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIOS)
def test_same_facts_same_bytes(name: str) -> None:
    assert memo_for(name) == memo_for(name)


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


# --- the draft of an unfinished interview -----------------------------------------------------


def test_a_draft_memo_says_so_in_its_title_and_first_line() -> None:
    markdown = memo_for("high_risk_deployer", unanswered=3)
    assert markdown.startswith("# EU AI Act assessment (draft): HireRank")
    first = section(markdown, "Answer").strip().splitlines()[0]
    assert first.startswith("**Incomplete: 3 questions that still matter are unanswered.**")
    one = section(memo_for("high_risk_deployer", unanswered=1), "Answer").strip().splitlines()[0]
    assert one.startswith("**Incomplete: 1 question that still matters is unanswered.**")
    assert "draft" not in memo_for("high_risk_deployer").splitlines()[0]


def test_quitting_the_interview_gives_a_draft_memo(tmp_path: Path) -> None:
    """Quitting with q leaves a memo marked as a draft: title, first line, and the page title of the HTML."""
    runner = CliRunner()
    out, memo_md, memo_html = tmp_path / "facts.yaml", tmp_path / "memo.md", tmp_path / "memo.html"
    result = runner.invoke(cli, ["interview", "--memo", str(memo_md), "--out", str(out)], input="Berlin CV\nq\n")
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["interview", "--memo", str(memo_html), "--resume", str(out)], input="q\n")
    assert result.exit_code == 0, result.output
    memo, html = memo_md.read_text(), memo_html.read_text()
    assert memo.startswith("# EU AI Act assessment (draft): Berlin CV")
    first = section(memo, "Answer").strip().splitlines()[0]
    assert re.match(r"\*\*Incomplete: \d+ questions? that still matters? (are|is) unanswered\.\*\*", first)
    assert "<title>EU AI Act assessment (draft): Berlin CV</title>" in html


def test_a_draft_memo_counts_every_question_that_still_matters_not_the_typical_estimate(tmp_path: Path) -> None:
    """The terminal shows the typical number of questions left; a draft memo states how many still matter."""
    from aiact.questionnaires.flow import Flow

    flow = Flow.start(default_engine())
    prompt = flow.next()
    assert prompt is not None
    flow.answer(prompt, flow.parse(prompt, "Berlin CV"))
    progress = flow.progress()
    assert progress.left < progress.matter_now
    memo_md = tmp_path / "memo.md"
    result = CliRunner().invoke(cli, ["interview", "--memo", str(memo_md), "--out", str(tmp_path / "f.yaml")],
                                input="Berlin CV\nq\n")
    assert result.exit_code == 0, result.output
    first = section(memo_md.read_text(), "Answer").strip().splitlines()[0]
    assert first.startswith(f"**Incomplete: {progress.matter_now} questions that still matter")


# --- files are written with the user's umask --------------------------------------------------


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_memo_html_and_interview_files_follow_the_umask(tmp_path: Path, mask: int, mode: int) -> None:
    old = os.umask(mask)
    try:
        runner = CliRunner()
        assert runner.invoke(cli, ["memo", str(FACTS / "empty.yaml"), "-o", str(tmp_path / "m.md")]).exit_code == 0
        assert runner.invoke(cli, ["memo", str(FACTS / "empty.yaml"), "-o", str(tmp_path / "m.html")]).exit_code == 0
        made = [tmp_path / "f.yaml", tmp_path / "i.md"]
        result = runner.invoke(cli, ["interview", "--out", str(made[0]), "--memo", str(made[1])], input="X\nq\n")
        assert result.exit_code == 0, result.output
    finally:
        os.umask(old)
    for path in [tmp_path / "m.md", tmp_path / "m.html", *made]:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name


# --- HTML -------------------------------------------------------------------------------------


def test_html_is_one_standalone_page_with_contents_and_anchors() -> None:
    assessment, _, _ = assessed("open_model")
    markdown = memo_for("open_model")
    html = render_html(markdown, title=memo_title(assessment), version=__version__)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>EU AI Act assessment: OpenWeights-7B</title>" in html
    assert "<style>" in html and "@media print" in html
    assert not re.search(r"<link|<script|src=|url\(|@import|href=\"http", html)
    for title in SECTIONS:
        anchor = "-".join(re.findall(r"[a-z0-9]+", title.lower()))
        assert f'<h2 id="{anchor}">{title}</h2>' in html
        assert f'<a href="#{anchor}">{title}</a>' in html
    assert html.index('<nav class="toc"') < html.index('<h2 id="answer">')
    subsections = re.findall(r"^### (.+)$", markdown, flags=re.M)
    assert len(re.findall(r'<h3 id="[a-z0-9-]+">', html)) == len(subsections) > 0
    assert "not legal advice" in html


def test_html_tables_wrap_between_words_only() -> None:
    html = render_html(memo_for("open_model"), title="t", version=__version__)
    assert "<code>artefact.<wbr>ai_<wbr>system</code>" in html
    assert '<span class="date">2026-11-23</span>' in html
    assert "overflow-wrap: anywhere" not in html and "word-break: break-all" not in html


def test_html_says_what_the_markdown_says() -> None:
    """Word for word the same text; the page adds only its table of contents."""
    markdown = memo_for("high_risk_deployer")
    html = render_html(markdown, title="t", version=__version__)
    body = html.split("<main", 1)[1]
    body = re.sub(r'<nav class="toc".*?</nav>', "", body, flags=re.S)

    def text(page: str) -> list[str]:
        return re.sub(r"<[^>]+>", "", page).split()

    assert text(body.split(">", 1)[1]) == text(parser().render(markdown))


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
    assert out.startswith("<!DOCTYPE html>") and '<h2 id="answer">Answer</h2>' in out
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
    about = title_block(out)
    assert "`release.monetisation=[price]`" in about and "`artefact.training_compute_flop=2e25`" in about
    facts_text = section(out, "Appendix A: Facts")
    row = next(line for line in facts_text.splitlines() if "`release.monetisation`" in line)
    assert "| price | what-if change |" in row
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


def test_counted_sentences_agree_with_their_number() -> None:
    """"1 further duty", "3 further duties": the memo never writes "duty(ies)"."""
    from aiact.reports.wording import say

    assert say("answer.duties_lifted", count=1).startswith("1 further duty lifted")
    assert say("answer.duties_lifted", count=3).startswith("3 further duties lifted")
    assert say("facts.unknown_rest", count=1) == "A further fact was left unknown; no conclusion turns on it."
    memos = [path.read_text("utf-8") for path in (ROOT / "docs" / "memos").glob("*.md")]
    assert memos and not any("(ies)" in memo or "(s) " in memo for memo in memos)
