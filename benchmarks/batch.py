"""Batch benchmark: an AI inventory of N fact files, checked in process and by `aiact check DIR`.

    .venv/bin/python benchmarks/batch.py [--files 10000] [--seed 2026]

Generates N varied valid fact files (benchmarks/factgen.py) into a temporary
folder, then measures:
- one in-process loop (read, validate, assess, JSON) over every file;
- `aiact check DIR --format jsonl` with --jobs 1 and with --jobs 2, as a user runs it;
and prints the time per file, the speed-up of two processes over one, and the
resident memory (RSS) of the whole process tree sampled when 10 %, 50 % and
100 % of the results have arrived, to show that it stays flat.

Then the inventory case of issue 16: N sparse files (``--inventory``, default
400; a handful of facts each, drawn from a few common answers, so that several
systems share the same facts as in a real inventory) checked with
`aiact check DIR --format jsonl` (brief results), printing the marginal cost
per file beside its floor, the durable-rules session of the same files, and
the same loop in process with and without sharing the results of recurring
facts.

Targets (printed beside the figures, never asserted): under 25 ms per file on
one process; near-linear speed-up with --jobs; flat memory; for the sparse
inventory at most 6 ms per file (jsonl, brief, --jobs 1).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from factgen import random_facts, sparse_facts

from aiact import default_engine
from aiact.engine import Engine, FactFile, load_fact_file
from aiact.engine.assess import apply_inferences
from aiact.engine.catalogue import flatten


def rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (Linux /proc)."""
    total = 0
    for member in _tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            for child in children:
                found += _tree(int(child))
    except OSError:
        pass
    return found


def generate(folder: Path, count: int, seed: int) -> None:
    """``count`` fact files, 500 per subfolder, YAML and JSON mixed."""
    rng = random.Random(seed)
    for i in range(count):
        document = random_facts(rng)
        sub = folder / f"team{i // 500:03}"
        sub.mkdir(exist_ok=True)
        if i % 5 == 0:
            (sub / f"system{i:05}.json").write_text(json.dumps(document), "utf-8")
        else:
            (sub / f"system{i:05}.yaml").write_text(yaml.safe_dump(document, sort_keys=False), "utf-8")


def marks(count: int) -> dict[int, str]:
    return {max(1, count // 10): "10 %", max(1, count // 2): "50 %", count: "100 %"}


def in_process(folder: Path, count: int) -> tuple[float, dict[str, float]]:
    engine = default_engine()
    files = sorted(folder.rglob("*.*"))
    engine.assess(load_fact_file(files[0]))  # compile the rule base before the clock starts
    memory: dict[str, float] = {}
    wanted = marks(count)
    start = time.perf_counter()
    for n, path in enumerate(files, 1):
        json.dumps(engine.assess(load_fact_file(path)).to_json_dict())
        if n in wanted:
            memory[wanted[n]] = rss_mib(os.getpid())
    return (time.perf_counter() - start) / count * 1000, memory


def command_line(folder: Path, count: int, jobs: int) -> tuple[float, dict[str, float]]:
    aiact = str(Path(sys.executable).with_name("aiact"))
    wanted = marks(count)
    memory: dict[str, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(
        [aiact, "check", str(folder), "--format", "jsonl", "--fail-on", "none", "--jobs", str(jobs)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    lines = 0
    for _ in process.stdout:
        lines += 1
        if lines in wanted:
            memory[wanted[lines]] = rss_mib(process.pid)
    _, errors = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0 or lines != count:
        raise SystemExit(f"aiact check --jobs {jobs} failed ({process.returncode}, {lines} results): {errors[:500]}")
    return elapsed / count * 1000, memory


def generate_inventory(folder: Path, count: int, seed: int) -> None:
    """``count`` sparse inventory files (YAML), one per system."""
    rng = random.Random(seed)
    for i in range(count):
        (folder / f"system{i:05}.yaml").write_text(yaml.safe_dump(sparse_facts(rng, i), sort_keys=False), "utf-8")


def inventory(count: int, seed: int) -> None:
    """The sparse inventory: marginal cost per file of ``aiact check DIR --format jsonl``, beside its floor."""
    engine = default_engine()
    with tempfile.TemporaryDirectory(prefix="aiact-inventory-") as tmp:
        folder = Path(tmp) / "inventory"
        folder.mkdir()
        generate_inventory(folder, count, seed)
        files = sorted(folder.iterdir())
        facts = [load_fact_file(path) for path in files]
        distinct = len({repr(tuple(flatten(f).values())) for f in facts})
        print(f"\ninventory: {count} sparse files, {distinct} distinct sets of facts among them")
        single = Path(tmp) / "single"
        single.mkdir()
        (single / files[0].name).write_bytes(files[0].read_bytes())
        floor = _session_per_file(engine, facts)
        for share in (False, True):
            start = time.perf_counter()
            for path in files:
                json.dumps(engine.assess(load_fact_file(path), detail="brief", share=share).to_json_dict())
            per_file = (time.perf_counter() - start) / count * 1000
            label = "sharing recurring facts" if share else "every file assessed"
            print(f"{'in process, brief, ' + label:<52} {per_file:8.2f} ms/file   floor {floor:.2f} ms (session)")
        timings = {}
        for jobs in (1, 2):
            one = statistics.median(_check_seconds(single, 1, jobs) for _ in range(5))
            many = statistics.median(_check_seconds(folder, count, jobs) for _ in range(3))
            timings[jobs] = many
            marginal = (many - one) / (count - 1) * 1000
            target = "target <= 6" if jobs == 1 else "-"
            print(f"{f'aiact check DIR --format jsonl --jobs {jobs}, marginal':<52} {marginal:8.2f} ms/file   "
                  f"({target}; floor {floor:.2f} ms, the session)")
        print(f"{'speed-up of the whole run, --jobs 2 over --jobs 1':<52} {timings[1] / timings[2]:8.2f} x")


def _session_per_file(engine: Engine, facts: list[FactFile]) -> float:
    """The floor: the median durable-rules session of these files, nothing else."""
    times = []
    for fact_file in facts:
        flat, _ = apply_inferences(flatten(fact_file), engine.infer)
        start = time.perf_counter()
        engine.compiled.run(flat, fact_file.as_of or date.today())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _check_seconds(folder: Path, count: int, jobs: int) -> float:
    aiact = str(Path(sys.executable).with_name("aiact"))
    start = time.perf_counter()
    done = subprocess.run(
        [aiact, "check", str(folder), "--format", "jsonl", "--fail-on", "none", "--jobs", str(jobs)],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or done.stdout.count("\n") != count:
        raise SystemExit(f"aiact check --jobs {jobs} failed ({done.returncode}): {done.stderr[:500]}")
    return elapsed


def report(name: str, per_file: float, memory: dict[str, float]) -> None:
    shown = ", ".join(f"{mark} {mib:.0f}" for mark, mib in memory.items())
    print(f"{name:<44} {per_file:8.2f} ms/file (target < 25)   RSS MiB at {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000, help="how many fact files to generate")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--inventory", type=int, default=400, help="how many sparse inventory files")
    args = parser.parse_args()
    rulebase = default_engine().rulebase
    print(f"aiact batch benchmark: {args.files} files, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"{len(rulebase.rules)} rules, {len(rulebase.nodes)} productions")
    with tempfile.TemporaryDirectory(prefix="aiact-batch-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        generate(folder, args.files, args.seed)
        print(f"generated in {time.perf_counter() - start:.1f} s into {folder}")
        report("in process (read, validate, assess, JSON)", *in_process(folder, args.files))
        one, memory_one = command_line(folder, args.files, 1)
        report("aiact check DIR --format jsonl --jobs 1", one, memory_one)
        two, memory_two = command_line(folder, args.files, 2)
        report("aiact check DIR --format jsonl --jobs 2", two, memory_two)
        print(f"{'speed-up, --jobs 2 over --jobs 1':<44} {one / two:8.2f} x       (target: near 2 on 2 free CPUs)")
        for name, memory in (("--jobs 1", memory_one), ("--jobs 2", memory_two)):
            values = list(memory.values())
            print(f"{'memory growth 10 % -> 100 %, ' + name:<44} {values[-1] - values[0]:8.1f} MiB     (target: flat)")
    inventory(args.inventory, args.seed)


if __name__ == "__main__":
    main()
