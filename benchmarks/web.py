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
from aiact.engine.catalogue import fact_catalogue, flatten
from aiact.engine.conditions import UNKNOWN
from aiact.web.app import create_app
from aiact.web.folder import DataFolder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PATH = re.compile(r'name="path" value="([^"]+)"')


def form_value(kind: str, value: object) -> tuple[str, object] | None:
    """What the form sends for a fact value (None: the "I don't know" button)."""
    if value == UNKNOWN:
        return None if kind not in ("tri", "enum", "list") else ("pick", "?")
    if isinstance(value, bool):
        return "pick", "yes" if value else "no"
    if isinstance(value, list):
        return "pick", [str(v) for v in value] or "none"
    return "pick", f"{value:g}" if isinstance(value, float) else str(value)


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
    catalogue = fact_catalogue()
    location = client.post("/new", data={"subject": facts.subject.name, "csrf": csrf}).headers["location"]
    times = []
    while location.endswith("/interview"):
        page = client.get(location)
        times.append(clock.last)
        found = PATH.search(page.text)
        if found is None:
            break
        path = found.group(1)
        sent = form_value(catalogue[path].kind, flat.get(path, UNKNOWN))
        data: dict[str, object] = {"csrf": csrf, "path": path}
        if sent is None:
            data["dont_know"] = "1"
        else:
            data[path] = sent[1]
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
