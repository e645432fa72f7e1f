"""Interview benchmark: how many questions each flow of issue 13 takes, and the time to the next question.

    .venv/bin/python benchmarks/interview.py [--repeat 3] [--profile]

Each flow of ``interview_flows.yaml`` is driven through the front-end-neutral
flow (no terminal; tests/test_interview_flows.py drives the same flows through
a real one): at every step the next question or checklist is worked out (that
is what is timed, the person's wait after an answer) and answered from the
flow's map, "?" for anything else. Printed beside each figure is its target
(not asserted here): at most N questions per flow, median under 100 ms per step.
``--profile`` shows where the time of the longest flow goes; ``--estimates`` prints, at every step of every
flow, the "questions left" a person is shown against the questions then actually asked.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from aiact import default_engine
from aiact.engine.catalogue import fact_catalogue, flatten
from aiact.engine.conditions import UNKNOWN
from aiact.engine.loading import load_fact_file
from aiact.questionnaires.answers import show_value
from aiact.questionnaires.flow import CHECKLIST, Flow, Prompt

ROOT = Path(__file__).resolve().parent.parent
FLOWS = Path(__file__).with_name("interview_flows.yaml")
DAY = date(2026, 12, 3)


def load_flows() -> dict[str, dict[str, Any]]:
    """Every flow with its full answer map (the example's facts, the `no_to` sections, then `answers`)."""
    flows: dict[str, dict[str, Any]] = yaml.safe_load(FLOWS.read_text("utf-8"))
    for flow in flows.values():
        flow["typed"] = typed_answers(flow)
    return flows


def typed_answers(flow: Mapping[str, Any]) -> dict[str, str]:
    """What the person types, by fact path."""
    typed: dict[str, str] = {}
    if "facts" in flow:
        facts = load_fact_file(ROOT / flow["facts"])
        typed["subject.name"] = facts.subject.name
        typed |= {path: show_value(value) for path, value in flatten(facts).items() if value != UNKNOWN}
    sections = set(flow.get("no_to", ()))
    typed |= {p: "n" for p, spec in fact_catalogue().items() if spec.kind == "tri" and p.split(".")[0] in sections
              and p not in typed}
    typed |= {path: str(value) for path, value in (flow.get("answers") or {}).items()}
    return typed


def typed_for(prompt: Prompt, typed: Mapping[str, str]) -> str:
    """The answer to one prompt: for a checklist, the numbers of the choices answered yes, none, or ?."""
    if prompt.kind != CHECKLIST:
        return typed.get(prompt.id, "?")
    given = {c.path: typed[c.path] for c in prompt.choices if typed.get(c.path, "?") != "?"}
    if not given:
        return "?"
    return ",".join(c.key for c in prompt.choices if given.get(c.path, "n") in {"y", "yes"}) or "none"


def drive(typed: Mapping[str, str]) -> tuple[list[str], list[float], Flow]:
    """One full interview: the prompts asked, and the time (ms) to work out each next one, the last included."""
    flow = Flow.start(default_engine(), as_of=DAY)
    asked, times = [], []
    while True:
        start = time.perf_counter()
        prompt = flow.next()
        flow.progress()
        times.append((time.perf_counter() - start) * 1000)
        if prompt is None:
            return asked, times, flow
        asked.append(prompt.id)
        flow.answer(prompt, flow.parse(prompt, typed_for(prompt, typed)))


def estimates(typed: Mapping[str, str]) -> list[tuple[int, int]]:
    """(questions left as shown after each answer, questions actually asked after it) at every step.

    The first pair is the estimate shown once the subject is named (the first figure a person reads); the
    last is after the final answer (0 asked)."""
    asked, _, _ = drive(typed)
    flow = Flow.start(default_engine(), as_of=DAY)
    shown: list[int] = []
    for prompt_id in asked:
        prompt = flow.next()
        assert prompt is not None and prompt.id == prompt_id
        flow.answer(prompt, flow.parse(prompt, typed_for(prompt, typed)))
        shown.append(flow.progress().left)
    return [(left, len(asked) - step) for step, left in enumerate(shown, start=1)]


def print_estimates(flows: Mapping[str, Mapping[str, Any]]) -> None:
    """Estimate against what was then asked, per flow and step, and the mean absolute error over all steps."""
    errors: list[int] = []
    for name, flow in flows.items():
        pairs = estimates(flow["typed"])
        errors += [abs(left - actual) for left, actual in pairs]
        print(f"{name:<22} shown/actual: " + " ".join(f"{left}/{actual}" for left, actual in pairs))
    first = [estimates(flow["typed"])[0] for flow in flows.values()]
    print(f"first estimate vs actual: {', '.join(f'{a}/{b}' for a, b in first)}; "
          f"mean absolute error over {len(errors)} steps: {statistics.mean(errors):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each flow (default 3)")
    parser.add_argument("--profile", action="store_true", help="profile the longest flow")
    parser.add_argument("--estimates", action="store_true",
                        help="print the questions-left estimate against the questions then asked, at every step")
    args = parser.parse_args()
    flows = load_flows()
    if args.estimates:
        print_estimates(flows)
        return
    drive({"subject.name": "warm-up"})  # compile and warm the caches once
    every: list[float] = []
    print(f"{'flow':<64} {'questions':>9} {'target':>6} {'median ms':>10} {'max ms':>8}")
    for flow in flows.values():
        runs = [drive(flow["typed"]) for _ in range(args.repeat)]
        times = [t for _, run, _ in runs for t in run]
        every += times
        count = len(runs[0][0])
        mark = "ok" if count <= flow["max_questions"] else "OVER"
        print(f"{flow['title'][:64]:<64} {count:>9} {'<= ' + str(flow['max_questions']):>6} "
              f"{statistics.median(times):>10.2f} {max(times):>8.2f}  {mark}")
    print(f"{'all steps':<64} {len(every):>9} {'':>6} {statistics.median(every):>10.2f} {max(every):>8.2f}"
          "  (target: median <= 100 ms)")
    if args.profile:
        longest = max(flows.values(), key=lambda flow: len(drive(flow["typed"])[0]))
        profiler = cProfile.Profile()
        profiler.runcall(drive, longest["typed"])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)


if __name__ == "__main__":
    main()
