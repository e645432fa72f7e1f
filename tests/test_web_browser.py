"""``aiact serve`` in a real headless Chromium (Playwright): what a compliance officer does, click by click.

The system's Chromium is used (Playwright never downloads a browser here).
Without it the tests are skipped with the reason, unless AIACT_REQUIRE_BROWSER
is set (CI sets it), where a missing browser is a failure. Set
AIACT_SCREENSHOTS=FOLDER to save the README's screenshots on the way
(``docs/screenshots.sh``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from web_server import Server

from aiact import assess
from aiact.engine import load_fact_file
from aiact.engine.catalogue import flatten
from aiact.engine.conditions import UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BERLIN = EXAMPLES / "berlin-cv-ranking-finetune.yaml"
CHROMIUM = Path(os.environ.get("AIACT_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
SHOTS = os.environ.get("AIACT_SCREENSHOTS")
AIACT = str(Path(sys.executable).with_name("aiact"))

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set AIACT_CHROMIUM)"
        if os.environ.get("AIACT_REQUIRE_BROWSER"):
            pytest.fail(reason + "; AIACT_REQUIRE_BROWSER is set, so the browser tests must run")
        pytest.skip(reason)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("data")).start()
    yield running
    running.stop()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    yield opened
    context.close()


def submit(page: object, button: str) -> None:
    """Click a form's button and wait for the page it leads to (a click alone does not wait)."""
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.get_by_role("button", name=button).click()  # type: ignore[attr-defined]


def shot(page: object, name: str, full: bool = False) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=full)  # type: ignore[attr-defined]


def start(page: object, server: Server, subject: str) -> None:
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.get_by_label("Name of the AI system or model").fill(subject)  # type: ignore[attr-defined]
    submit(page, "Start the interview")


def current_prompt(page: object) -> str | None:
    field = page.locator("input[name=prompt]")  # type: ignore[attr-defined]
    return field.get_attribute("value") if field.count() else None


def picks_for(page: object, prompt: str, facts: dict[str, object]) -> list[str] | None:
    """The boxes to tick for the example's facts (by what each box means), or None for a text box."""
    boxes = page.locator("input[name=answer]")  # type: ignore[attr-defined]
    if boxes.first.get_attribute("type") not in ("radio", "checkbox"):
        return None
    means = {b.get_attribute("data-means"): b.get_attribute("value") for b in boxes.all()}
    if prompt.startswith("checklist."):
        said = {path: facts.get(path, UNKNOWN) for path in means if path}
        if any(v is True for v in said.values()):
            return [means[p] for p, v in said.items() if v is True]
        return ["none"] if said and all(v is False for v in said.values()) else ["?"]
    value = facts.get(prompt, UNKNOWN)
    if value == UNKNOWN:
        return ["?"]
    if isinstance(value, list):
        return [means[str(v)] for v in value] or ["none"]
    return [means[str(value).lower() if isinstance(value, bool) else str(value)]]


def give(page: object, prompt: str, facts: dict[str, object]) -> None:
    """Answer the prompt on the page as the example's facts say, clicking as a person would."""
    picks = picks_for(page, prompt, facts)
    if picks is not None:
        for pick in picks:
            page.locator(f'input[name=answer][value="{pick}"]').check()  # type: ignore[attr-defined]
        submit(page, "Save and continue")
        return
    value = facts.get(prompt, UNKNOWN)
    if value == UNKNOWN:
        submit(page, "I don't know")
    else:
        page.locator("#answer").fill(f"{value:g}" if isinstance(value, float) else str(value))  # type: ignore
        submit(page, "Save and continue")


def answer_all(page: object, facts: dict[str, object], limit: int = 150) -> list[str]:
    asked: list[str] = []
    while (prompt := current_prompt(page)) is not None:
        assert prompt not in asked, f"{prompt} asked twice"
        asked.append(prompt)
        assert len(asked) < limit
        if SHOTS and len(asked) == 2:
            shot(page, "interview.png")
        give(page, prompt, facts)
    return asked


def statuses(result: object) -> dict[str, str]:
    return {cid: c.status for cid, c in result.conclusions.items() if c.title and not cid.startswith("_")}  # type: ignore[attr-defined]


def test_the_berlin_companys_interview_in_the_browser_ends_in_the_memo_with_its_answer(
    page: object, server: Server
) -> None:
    """Answered from the example file (don't know for whatever it leaves out), as the company would answer."""
    facts = load_fact_file(BERLIN)
    start(page, server, facts.subject.name)
    asked = answer_all(page, flatten(facts))
    assert any("annex_iii" in prompt for prompt in asked)
    page.wait_for_url("**/a/*?done=1")  # type: ignore[attr-defined]
    assert page.get_by_role("status").first.inner_text().startswith("That is all")  # type: ignore[attr-defined]
    saved = server.data / "berlin-cv-ranking-fine-tuned-8b-model.yaml"
    result = assess(load_fact_file(saved), as_of=facts.as_of)
    found = statuses(result)
    # The answer the example file states: a high-risk system (Annex III point 4(a), profiling), nothing prohibited.
    assert (found["high_risk"], found["prohibited_practice"]) == ("yes", "no")
    shown = {tuple(item.split(maxsplit=1)) for item in page.locator(".panel li").all_inner_texts()}  # type: ignore
    words = {"yes": "Yes", "no": "No", "undetermined": "Open"}
    assert shown == {(words[status], result.conclusions[cid].title) for cid, status in found.items()}
    memo = page.frame_locator("iframe.memo").locator("body").inner_text()  # type: ignore[attr-defined]
    assert result.conclusions["high_risk"].title.split(" (")[0] in memo
    shot(page, "memo.png")
    with page.expect_download() as download:  # type: ignore[attr-defined]
        page.get_by_role("link", name="Memo (Markdown)").click()  # type: ignore[attr-defined]
    written = subprocess.run([AIACT, "memo", str(saved)], capture_output=True, text=True, check=True).stdout
    assert Path(download.value.path()).read_text("utf-8") == written
    saved.unlink()


def test_an_interview_resumes_where_it_stopped_after_the_server_restarts(browser: object, tmp_path: Path) -> None:
    first = Server(tmp_path).start()
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        start(page, first, "Resumed system")
        asked = [current_prompt(page)]
        page.locator("input[name=answer]").first.check()
        submit(page, "Save and continue")
        asked.append(current_prompt(page))
        page.get_by_label("Don't know").check()
        submit(page, "Save and continue")
        third = current_prompt(page)
        assert None not in asked and third not in asked
    finally:
        first.stop()
    second = Server(tmp_path, port=first.port).start()
    try:
        page.goto(second.url + "/")
        with page.expect_navigation():
            page.get_by_role("link", name="Continue the interview of resumed-system.yaml").click()
        assert current_prompt(page) == third
        assert "3 answers saved" in page.locator(".crumb").inner_text()
    finally:
        context.close()
        second.stop()


def test_back_asks_again_with_the_earlier_answer_and_dont_know_is_saved_as_unknown(
    page: object, server: Server
) -> None:
    start(page, server, "Back and forth")
    first = current_prompt(page)
    boxes = page.locator("input[name=answer]")  # type: ignore[attr-defined]
    paths = [m for m in (b.get_attribute("data-means") for b in boxes.all()) if m and "." in m] or [first]
    boxes.first.check()
    submit(page, "Save and continue")
    assert current_prompt(page) != first
    submit(page, "Back to the previous question")
    assert current_prompt(page) == first
    assert "Your earlier answer: " in page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert page.locator("input[name=answer]").first.is_checked()  # type: ignore[attr-defined]
    if str(first).startswith("checklist."):
        page.locator("input[name=answer]").first.uncheck()  # type: ignore[attr-defined]
    page.get_by_label("Don't know").check()  # type: ignore[attr-defined]
    submit(page, "Save and continue")
    assert current_prompt(page) != first
    saved = yaml.safe_load((server.data / "back-and-forth.yaml").read_text("utf-8"))
    for path in paths:
        section, name = str(path).split(".")
        assert saved[section][name] == "unknown"
    submit(page, "Save and continue")
    assert page.get_by_role("alert").inner_text() in (  # type: ignore[attr-defined]
        "Please choose one answer (or “Don't know”).",
        "Tick every choice that applies, “None of these”, or “Don't know”.",
    )


def test_a_bad_fact_file_is_refused_with_the_messages_of_aiact_check(
    page: object, server: Server, tmp_path: Path
) -> None:
    bad = tmp_path / "bad-facts.yaml"
    bad.write_text("schema: aiact-facts/1\nsubject: {name: X}\nartefact:\n  ai_sytem: true\n  gpai_model: maybe\n")
    checked = subprocess.run([AIACT, "check", bad.name], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 2
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.locator("#file").set_input_files(str(bad))  # type: ignore[attr-defined]
    submit(page, "Upload and assess")
    shown = page.locator("#upload-problems li").all_inner_texts()  # type: ignore[attr-defined]
    assert shown == checked.stderr.strip().splitlines()
    assert not list(server.data.glob("bad-facts*"))


def test_a_what_if_shows_what_aiact_check_set_diff_finds(page: object, server: Server) -> None:
    example = EXAMPLES / "gpt4-like-proprietary-api.yaml"
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.locator("#file").set_input_files(str(example))  # type: ignore[attr-defined]
    submit(page, "Upload and assess")
    page.get_by_label("Fact", exact=True).select_option("artefact.gpai_model")  # type: ignore[attr-defined]
    page.get_by_label("New value").fill("false")  # type: ignore[attr-defined]
    submit(page, "Show what changes")
    outcome = page.locator(".whatif-outcome").inner_text()  # type: ignore[attr-defined]
    checked = subprocess.run([AIACT, "check", str(example), "--set", "artefact.gpai_model=false", "--diff",
                              "--format", "json", "--fail-on", "none"], capture_output=True, text=True, check=True)
    diff = json.loads(checked.stdout)["what_if"]["diff"]
    assert diff["conclusions"]
    titles = assess(load_fact_file(example)).conclusions
    for change in diff["conclusions"]:
        assert f"{titles[change['id']].title}: {change['from']} → {change['to']}" in outcome
    page.get_by_label("New value").fill("[nonsense")  # type: ignore[attr-defined]
    submit(page, "Show what changes")
    assert "artefact.gpai_model" in page.locator(".whatif-outcome .problems").inner_text()  # type: ignore[attr-defined]


def test_the_inventory_lists_every_assessment_sorts_and_exports_what_aiact_check_prints(
    page: object, browser: object, tmp_path: Path
) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml"))[:4]:
        shutil.copy(example, tmp_path / example.name)
    (tmp_path / "broken.yaml").write_text("schema: aiact-facts/1\n")
    running = Server(tmp_path).start()
    try:
        page.goto(running.url + "/inventory")  # type: ignore[attr-defined]
        rows = page.locator("table.inventory tbody tr")  # type: ignore[attr-defined]
        assert rows.count() == 5
        assert "Not a valid fact file" in page.locator("tbody").inner_text()  # type: ignore[attr-defined]
        with page.expect_navigation():  # type: ignore[attr-defined]
            page.get_by_role("link", name="High-risk").click()  # type: ignore[attr-defined]
        assert page.locator("th[aria-sort=ascending]").inner_text().startswith("High-risk")  # type: ignore[attr-defined]
        with page.expect_download() as download:  # type: ignore[attr-defined]
            page.get_by_role("link", name="Export as JSON Lines").click()  # type: ignore[attr-defined]
        exported = Path(download.value.path()).read_text("utf-8")
        command = [AIACT, "check", str(running.data.resolve()), "--format", "jsonl", "--fail-on", "none"]
        checked = subprocess.run(command,
                                 capture_output=True, text=True)
        assert exported == checked.stdout
        assert len(exported.splitlines()) == 4
    finally:
        running.stop()


def test_a_foreign_host_and_a_path_escaping_name_are_refused(server: Server) -> None:
    status, _, body = server.get("/", host=f"rebound.example:{server.port}")
    assert status == 421 and "does not answer to the address" in body
    for path in ("/a/..%2F..%2Fetc%2Fpasswd", "/a/%2e%2e/interview", "/a/..%5Cx.yaml", "/a/.hidden.yaml/memo"):
        status, _, body = server.get(path)
        assert status == 404, path
        assert "Traceback" not in body and "There is no" in body


def test_pages_are_labelled_headed_and_usable_by_keyboard_alone(page: object, server: Server) -> None:
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    snapshot = page.locator("body").aria_snapshot()  # type: ignore[attr-defined]
    assert '- heading "Assess an AI system or model under the EU AI Act" [level=1]' in snapshot
    assert '- textbox "Name of the AI system or model"' in snapshot
    page.keyboard.press("Tab")  # type: ignore[attr-defined]  # the skip link
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    for _ in range(10):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate("document.activeElement.id") == "subject":  # type: ignore[attr-defined]
            break
    page.keyboard.type("Keyboard only")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/interview")  # type: ignore[attr-defined]
    snapshot = page.locator("main").aria_snapshot()  # type: ignore[attr-defined]
    assert "- heading" in snapshot and "[level=1]" in snapshot
    assert '- radio "Yes"' in snapshot and '- radio "Don\'t know"' in snapshot
    first = current_prompt(page)
    while page.evaluate("document.activeElement.type") != "radio":  # type: ignore[attr-defined]
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Space")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_function(f"document.querySelector('input[name=prompt]').value != '{first}'")  # type: ignore[attr-defined]
    unlabelled = page.evaluate(  # type: ignore[attr-defined]
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
           .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)"""
    )
    assert unlabelled == []
