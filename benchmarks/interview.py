"""Interview benchmark: the time to choose the next question, at every step of full interviews.

    .venv/bin/python benchmarks/interview.py [--repeat 3] [--profile]

Each scenario is driven programmatically (no terminal): at every step the
interview asks the engine what still matters and picks the next question;
that choice is timed. Answers come from the scenario's map, "don't know" for
anything else. Target (printed beside the figure, not asserted): median under
100 ms per step. ``--profile`` shows where the time of the longest scenario goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from datetime import date

from aiact import default_engine
from aiact.engine.conditions import UNKNOWN
from aiact.questionnaires import load_questionnaire
from aiact.questionnaires.session import Answers, Interview

DAY = date(2026, 11, 23)
NO = False
YES = True

SCENARIOS: dict[str, dict[str, object]] = {
    "don't know to everything": {},
    "chatbot deployer": {
        "artefact.ai_system": YES, "artefact.gpai_model": NO, "artefact.built_on_gpai_model": YES,
        "operator.roles": ["deployer"], "operator.established_in_eu": YES,
        "operator.natural_person_non_professional": NO, "market.channels": ["hosted_app"],
        "transparency.interacts_with_natural_persons": YES, "transparency.ai_interaction_obvious": NO,
        "high_risk.annex_iii": [],
    },
    "open-weights GPAI model provider": {
        "artefact.ai_system": NO, "artefact.gpai_model": YES, "artefact.training_compute_flop": 2e24,
        "artefact.output_modalities": ["text", "code"], "operator.roles": ["provider"],
        "operator.established_in_eu": NO, "market.channels": ["public_repository"],
        "release.licence": "Apache-2.0", "release.licence_restrictions": ["attribution"],
        "release.weights_public": YES, "release.architecture_info_public": YES, "release.usage_info_public": YES,
        "release.monetisation": [], "gpai.designated_systemic_risk": NO, "gpai.high_impact_capabilities": NO,
    },
    "high-risk hiring tool provider": {
        "artefact.ai_system": YES, "artefact.gpai_model": NO, "operator.roles": ["provider"],
        "operator.established_in_eu": YES, "market.channels": ["api"], "high_risk.annex_iii": ["4a"],
        "high_risk.profiling": YES, "high_risk.narrow_procedural_task": NO,
    },
}


def drive(answers: dict[str, object]) -> list[float]:
    """One full interview; the time (ms) of each choice of the next question, the last one included."""
    interview = Interview(default_engine(), load_questionnaire(), Answers(name="benchmark"), DAY)
    times = []
    while True:
        start = time.perf_counter()
        step = interview.step()
        times.append((time.perf_counter() - start) * 1000)
        if step.path is None:
            return times
        interview.answer(step.path, answers.get(step.path, UNKNOWN))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each scenario (default 3)")
    parser.add_argument("--profile", action="store_true", help="profile the longest scenario")
    args = parser.parse_args()
    drive({})  # compile and warm the caches once
    every: list[float] = []
    print(f"{'scenario':<36} {'steps':>5} {'median ms':>10} {'max ms':>8}")
    for name, answers in SCENARIOS.items():
        runs = [drive(answers) for _ in range(args.repeat)]
        times = [t for run in runs for t in run]
        every += times
        print(f"{name:<36} {len(runs[0]) - 1:>5} {statistics.median(times):>10.2f} {max(times):>8.2f}")
    print(f"{'all steps':<36} {len(every):>5} {statistics.median(every):>10.2f} {max(every):>8.2f}"
          "   (target: median < 100 ms per step)")
    if args.profile:
        longest = max(SCENARIOS.values(), key=lambda answers: len(drive(answers)))
        profiler = cProfile.Profile()
        profiler.runcall(drive, longest)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)


if __name__ == "__main__":
    main()
