"""The web front door's handlers, without a browser: names, safety checks, forms, uploads, exports, errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from aiact.main import cli
from aiact.web.app import create_app
from aiact.web.folder import DataFolder, NoSuchAssessment, slug
from aiact.web.guard import allowed_hosts
from aiact.web.upload import shown_name

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOST = "testserver"


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture
def client(folder: DataFolder) -> TestClient:
    return TestClient(create_app(folder, frozenset({HOST})), follow_redirects=False)


def token(client: TestClient) -> str:
    client.get("/")
    return str(client.cookies["aiact_csrf"])


def problems(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", line).replace("&#39;", "'").replace("&#34;", '"')
            for line in re.findall(r"<li><code>(.*?)</code></li>", html)]


@pytest.mark.parametrize("name", [
    "../x.yaml", "..", "a/b.yaml", "a\\b.yaml", ".hidden.yaml", "x.txt", "x", "x.yaml/../../y.yaml", "%2e%2e.yaml",
    "x" * 100 + ".yaml", "nul\x00.yaml",
])
def test_a_name_that_could_leave_the_data_folder_is_no_assessment(folder: DataFolder, name: str) -> None:
    with pytest.raises(NoSuchAssessment):
        folder.place(name)


def test_a_symbolic_link_out_of_the_data_folder_is_no_assessment(folder: DataFolder, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("schema: aiact-facts/1\nsubject: {name: X}\n")
    (folder.root / "link.yaml").symlink_to(outside)
    with pytest.raises(NoSuchAssessment):
        folder.path("link.yaml")


def test_new_names_are_slugs_and_never_overwrite(folder: DataFolder) -> None:
    assert slug("Bärlin CV-Ranker v2 (beta)") == "barlin-cv-ranker-v2-beta"
    assert folder.new_name("Berlin CV ranker") == "berlin-cv-ranker.yaml"
    (folder.root / "berlin-cv-ranker.yaml").write_text("")
    assert folder.new_name("Berlin CV ranker") == "berlin-cv-ranker-2.yaml"
    assert folder.new_name("../../etc") == "etc.yaml"
    assert shown_name("C:\\Users\\me\\My Facts.YAML") == "my-facts.yaml"


def test_the_served_address_and_loopback_names_are_the_only_hosts() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    assert allowed_hosts("192.0.2.7", 80, ["box.lan"]) == {"192.0.2.7:80", "box.lan:80"}


def test_a_foreign_host_is_refused_with_a_page(folder: DataFolder) -> None:
    client = TestClient(create_app(folder, frozenset({"127.0.0.1:8000"})), base_url="http://attacker.example:8000")
    response = client.get("/")
    assert response.status_code == 421
    assert "does not answer to the address" in response.text


def test_a_post_without_the_csrf_token_or_from_another_site_changes_nothing(
    client: TestClient, folder: DataFolder,
) -> None:
    assert client.post("/new", data={"subject": "X"}).status_code == 403
    csrf = token(client)
    response = client.post("/new", data={"subject": "X", "csrf": csrf}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert folder.names() == []


def test_an_oversized_body_is_refused_before_it_is_read(client: TestClient) -> None:
    csrf = token(client)
    files = {"file": ("big.yaml", b"#" * (2 * 1024 * 1024 + 1))}
    response = client.post("/upload", data={"csrf": csrf}, files=files)
    assert response.status_code == 413 and "at most 1 MiB" in response.text


def test_answers_are_read_by_the_interviews_parser_and_saved_as_a_fact_file(
    client: TestClient, folder: DataFolder,
) -> None:
    csrf = token(client)
    response = client.post("/new", data={"subject": "Acme screener", "csrf": csrf})
    assert response.headers["location"] == "/a/acme-screener.yaml/interview"
    page = client.get("/a/acme-screener.yaml/interview").text
    prompt = re.search(r'name="prompt" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    refused = client.post("/a/acme-screener.yaml/answer", data={"csrf": csrf, "prompt": prompt, "answer": "maybe"})
    assert refused.status_code == 400 and "maybe" in refused.text
    client.post("/a/acme-screener.yaml/answer", data={"csrf": csrf, "prompt": prompt, "dont_know": "1"})
    saved = yaml.safe_load((folder.root / "acme-screener.yaml").read_text())
    assert saved["subject"]["name"] == "Acme screener" and "unknown" in str(saved)
    checked = CliRunner().invoke(cli, ["check", str(folder.root / "acme-screener.yaml"), "--fail-on", "none"])
    assert checked.exit_code == 0
    stale = client.post("/a/acme-screener.yaml/answer", data={"csrf": csrf, "prompt": prompt, "answer": "yes"})
    assert stale.status_code == 303
    assert yaml.safe_load((folder.root / "acme-screener.yaml").read_text()) == saved


def test_hostile_uploads_get_the_lines_aiact_check_prints(
    client: TestClient, folder: DataFolder, tmp_path: Path,
) -> None:
    csrf = token(client)
    hostile = b"schema: aiact-facts/1\nsubject: !!python/object:os.system {name: x}\n"
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n".encode()
        for i in range(9)
    )
    for name, data in (("tagged.yaml", hostile), ("bomb.yaml", bomb), ("facts.txt", b"x: 1\n")):
        response = client.post("/upload", data={"csrf": csrf}, files={"file": (name, data)})
        assert response.status_code == 400
        (tmp_path / name).write_bytes(data)
        expected = _check_lines(tmp_path, name)
        assert problems(response.text) == expected, name
    assert folder.names() == []


def _check_lines(folder: Path, name: str) -> list[str]:
    """What ``aiact check NAME`` prints on stderr, run where the file lies."""
    aiact = Path(sys.executable).with_name("aiact")
    done = subprocess.run([str(aiact), "check", name], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 2
    return done.stderr.strip().splitlines()


def test_a_valid_upload_is_kept_byte_for_byte_and_opens_on_its_result(client: TestClient, folder: DataFolder) -> None:
    csrf = token(client)
    example = EXAMPLES / "mistral-like-apache.yaml"
    response = client.post("/upload", data={"csrf": csrf}, files={"file": (example.name, example.read_bytes())})
    assert response.headers["location"] == "/a/mistral-like-apache.yaml"
    assert (folder.root / example.name).read_bytes() == example.read_bytes()
    page = client.get("/a/mistral-like-apache.yaml")
    assert page.status_code == 200 and "What if?" in page.text
    download = client.get("/a/mistral-like-apache.yaml/download/facts")
    assert download.content == example.read_bytes()


def test_the_jsonl_export_is_what_aiact_check_prints(client: TestClient, folder: DataFolder) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml"))[:3]:
        shutil.copy(example, folder.root / example.name)
    exported = client.get("/inventory.jsonl").text
    printed = CliRunner().invoke(cli, ["check", str(folder.root), "--format", "jsonl", "--fail-on", "none"]).output
    assert exported == printed and len(exported.splitlines()) == 3
    page = client.get("/inventory?sort=gpai_model&order=desc").text
    assert page.count("<tr>") == 4


def test_errors_are_pages_not_tracebacks(
    client: TestClient, folder: DataFolder, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert client.get("/nowhere").status_code == 404
    assert "There is no assessment" in client.get("/a/missing.yaml").text
    (folder.root / "edited.yaml").write_text("schema: aiact-facts/1\nsubject: {name: X}\nartefact: {ai_system: 3}\n")
    broken = client.get("/a/edited.yaml")
    assert broken.status_code == 422 and "artefact.ai_system" in broken.text
    shutil.copy(EXAMPLES / "mistral-like-apache.yaml", folder.root / "m.yaml")

    def crash(*args: object) -> str:
        raise RuntimeError("engine defect")

    monkeypatch.setattr("aiact.web.work.memo_text", crash)
    crashed = TestClient(client.app, raise_server_exceptions=False).get("/a/m.yaml/memo", headers={"Host": HOST})
    assert crashed.status_code == 500
    assert "Traceback" not in crashed.text and "a defect in aiact" in crashed.text


def test_serve_warns_when_it_listens_beyond_loopback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self: None)
    outcome = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--data", str(tmp_path / "d")])
    assert outcome.exit_code == 0
    assert "not on loopback" in outcome.output and str((tmp_path / "d").resolve()) in outcome.output
    quiet = CliRunner().invoke(cli, ["serve", "--data", str(tmp_path / "d")])
    assert "not on loopback" not in quiet.output and "http://localhost:8000/" in quiet.output


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_side_panel_says_what_the_full_assessment_says(example: Path) -> None:
    from aiact.web import work

    flow = work.open_flow(example)
    assert work.panel(flow.interview) == work.headline(work.assessment_of(flow.answers, flow.interview.as_of))


def test_aiact_check_imports_nothing_of_the_web_front_door() -> None:
    """``aiact check``'s start-up is unaffected by ``aiact serve``: none of its libraries is even imported."""
    example = EXAMPLES / "mistral-like-apache.yaml"
    probe = (
        "import sys\nfrom aiact.main import main\nsys.argv = ['aiact', 'check', sys.argv[1], '--fail-on', 'none']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "web = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'jinja2', 'uvicorn', 'multipart')"
        " or m.startswith('aiact.web'))\nprint('imported:', web, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(example)], capture_output=True, text=True, check=True)
    assert "high_risk" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "imported: []"


def test_an_uploaded_model_card_starts_an_assessment_with_its_facts_and_their_sources(
    client: TestClient, folder: DataFolder, tmp_path: Path
) -> None:
    csrf = token(client)
    card = Path(__file__).parent / "model_cards" / "llama-finetune" / "README.md"
    response = client.post("/upload", data={"csrf": csrf}, files={"file": ("README.md", card.read_bytes())})
    assert response.status_code == 303 and response.headers["location"].endswith("/interview")
    (saved,) = folder.root.iterdir()
    CliRunner().invoke(cli, ["init", "--from-model-card", str(card), "-o", str(tmp_path / "init.yaml")])
    document = yaml.safe_load(saved.read_text())
    assert document == yaml.safe_load((tmp_path / "init.yaml").read_text())
    assert document["provenance"]
    assert client.get(response.headers["location"]).status_code == 200
    bad = client.post("/upload", data={"csrf": csrf}, files={"file": ("card.md", b"---\nlicense: [\n---\n# X\n")})
    assert bad.status_code == 400 and problems(bad.text) and problems(bad.text)[0].startswith("card.md: ")


def test_the_memo_of_an_unfinished_assessment_is_a_draft_and_of_a_finished_one_is_not(tmp_path: Path) -> None:
    """As in the terminal (``q`` with ``--memo``): questions that still matter make the memo a draft."""
    from aiact.web import work

    fresh = tmp_path / "fresh.yaml"
    fresh.write_text("schema: aiact-facts/1\nsubject: {name: Fresh}\n", encoding="utf-8")
    first_line = work.memo(fresh, "markdown").splitlines()[0]
    assert "draft" in first_line.lower()
    assert "Incomplete:" in work.memo(fresh, "markdown")
    macro = tmp_path / "macro.yaml"
    macro.write_text(
        "schema: aiact-facts/1\nsubject: {name: Macro}\nartefact: {ai_system: false, gpai_model: false}\n"
        "value_chain: {supplies_component_to_high_risk_provider: false}\n",
        encoding="utf-8",
    )
    assert "draft" not in work.memo(macro, "markdown").splitlines()[0].lower()
