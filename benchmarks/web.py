"""Web benchmark: the server time of the next question page, and of the inventory of 500 assessments.

    .venv/bin/python benchmarks/web.py [--files 500]

The application runs in process (Starlette's test client, no network), so the
figures are the server's own time per request. For every bundled example an
interview is started from its name and answered from the file (don't know for
whatever it leaves out); every question page on the way is timed. Then a data
folder of ``--files`` fact files (the examples, copied) is listed on the
inventory page, once with nothing known (the first visit assesses every
file) and again (only changed files are assessed again). Targets, printed
beside the figures and not asserted: question page median at most 100 ms;
inventory of 500 at most 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from aiact.engine import load_fact_file
from aiact.engine.catalogue import flatten
from aiact.engine.conditions import UNKNOWN
from aiact.web.app import create_app
from aiact.web.folder import DataFolder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PROMPT = re.compile(r'name="prompt" value="([^"]+)"')
BOX = re.compile(r'value="([^"]+)" data-means="([^"]+)"')


def form_for(page: str, prompt: str, facts: dict[str, object]) -> dict[str, object]:
    """What a person answering from ``facts`` would send for the prompt on ``page`` (don't know when unknown)."""
    means = dict((m, v) for v, m in BOX.findall(page))
    if not means:
        value = facts.get(prompt, UNKNOWN)
        return {"dont_know": "1"} if value == UNKNOWN else {"answer": f"{value:g}" if isinstance(value, float)
                                                           else str(value)}
    if prompt.startswith("checklist."):
        said = {path: facts.get(path, UNKNOWN) for path in means if "." in path}
        if any(v is True for v in said.values()):
            return {"answer": [means[p] for p, v in said.items() if v is True]}
        return {"answer": "none" if said and all(v is False for v in said.values()) else "?"}
    value = facts.get(prompt, UNKNOWN)
    if value == UNKNOWN:
        return {"answer": "?"}
    if isinstance(value, list):
        return {"answer": [means[str(v)] for v in value] or "none"}
    return {"answer": means[str(value).lower() if isinstance(value, bool) else str(value)]}


class ServerClock:
    """ASGI wrapper that records the server's own time per request (from the call until the response is sent)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.last = 0.0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        began = time.perf_counter()
        await self.app(scope, receive, send)
        self.last = time.perf_counter() - began


def interview_times(client: TestClient, clock: ServerClock, csrf: str, example: Path) -> list[float]:
    facts = load_fact_file(example)
    flat = flatten(facts)
    location = client.post("/new", data={"subject": facts.subject.name, "csrf": csrf}).headers["location"]
    times = []
    while location.endswith("/interview"):
        page = client.get(location)
        times.append(clock.last)
        found = PROMPT.search(page.text)
        if found is None:
            break
        data = {"csrf": csrf, "prompt": found.group(1), **form_for(page.text, found.group(1), flat)}
        answer = client.post(location.replace("/interview", "/answer"), data=data)
        location = answer.headers.get("location", "")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500, help="fact files in the inventory (default 500)")
    options = parser.parse_args()
    examples = sorted(EXAMPLES.glob("*.yaml"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = DataFolder(Path(scratch) / "interviews")
        clock = ServerClock(create_app(folder, frozenset({"testserver"})))
        client = TestClient(clock, follow_redirects=False)
        client.get("/")
        csrf = str(client.cookies["aiact_csrf"])
        times = [t for example in examples for t in interview_times(client, clock, csrf, example)]
        median = statistics.median(times) * 1000
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine slows every figure)")
        print(f"question pages timed: {len(times)} over {len(examples)} example interviews")
        print(f"next question page, median {median:8.1f} ms   (target at most 100 ms)")
        print(f"next question page, p90    {statistics.quantiles(times, n=10)[-1] * 1000:8.1f} ms")

        inventory = DataFolder(Path(scratch) / "inventory")
        for index in range(options.files):
            source = examples[index % len(examples)]
            shutil.copy(source, inventory.root / f"{index:04d}-{source.name}")
        client = TestClient(create_app(inventory, frozenset({"testserver"})))
        began = time.perf_counter()
        first = client.get("/inventory")
        cold = time.perf_counter() - began
        began = time.perf_counter()
        client.get("/inventory")
        warm = time.perf_counter() - began
        assert first.text.count("<tr>") == options.files + 1
        print(f"inventory of {options.files}, first visit, nothing assessed yet {cold:8.2f} s")
        print(f"inventory of {options.files}, next visits                     {warm:8.2f} s  (target at most 2 s)")
        app = create_app(inventory, frozenset({"testserver"}))
        began = time.perf_counter()
        warming = app.state.inventory.warm_up()
        warming.join()
        print(f"background warm-up at server start (worker processes)      {time.perf_counter() - began:8.2f} s")


if __name__ == "__main__":
    main()
