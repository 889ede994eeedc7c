"""Measure forgeapi-migrate on synthetic projects against the cost of parsing them once.

For each shape (`generate.py --shape`) and size, a fresh project is generated and four
steps run, each in its own subprocess so that its wall time, CPU time (its own and its
children's) and peak memory are its own:

    floor     parse every .py file once with libcst.parse_module and generate its code again
              (`.code`): the least a libcst-based tool that rewrites every file must do
    dry-run   forgeapi-migrate PROJECT --dry-run   (diff to /dev/null, exit code 1 expected)
    migrate   forgeapi-migrate COPY                (in place on a fresh copy, exit code 0)
    no-op     forgeapi-migrate COPY                (again, on the migrated copy, exit code 0)

    .venv/bin/python benchmarks/run.py --domains 50 200 800 [--shape NAME ...|all]
        [--json OUT.json] [--repeat N]

Targets (at 200 domains, every shape measured): migrate <= 1.5x the floor in wall time and
<= 2.0x in CPU time, no-op <= 0.3x, peak memory < 1 GiB.
The script reports whether they are met; it exits non-zero only when a step fails or
the tool's source changed while it ran (the steps would have measured different versions).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import importlib.util
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from generate import SHAPES, generate

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_JSON = BENCH_DIR / "results" / "latest.json"
STEPS = ("floor", "dry-run", "migrate", "no-op")
TOOL_STEPS = ("dry-run", "migrate", "no-op")
TARGET_DOMAINS = 200
MIGRATE_MAX_RATIO = 1.5
MIGRATE_MAX_CPU_RATIO = 2.0
NOOP_MAX_RATIO = 0.3
PEAK_MAX_MIB = 1024.0
STDERR_TAIL_CHARS = 4000

# The floor: one process that reads, parses and generates again every Python file once.
FLOOR_SCRIPT = """\
import os
import sys

import libcst

count = 0
for dirpath, _dirnames, filenames in os.walk(sys.argv[1]):
    for name in filenames:
        if name.endswith(".py"):
            with open(os.path.join(dirpath, name), "rb") as handle:
                libcst.parse_module(handle.read()).code
            count += 1
if count == 0:
    sys.exit("no Python files found")
"""


class StepFailed(RuntimeError):
    """A measured subprocess ended with an unexpected exit code, or left a wrong tree."""


@dataclass(frozen=True)
class Measurement:
    """One step's wall time, CPU time (its process and theirs it waited for: the pool's
    workers) and the peak resident memory of its process."""

    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class StepResult:
    seconds: float  # the fastest of the repetitions
    ratio: float
    peak_mib: float
    runs: tuple[float, ...] = ()  # every repetition's seconds, in the order they ran
    cpu_seconds: float = 0.0  # the least CPU time of the repetitions (user + system)
    cpu_ratio: float = 0.0


@dataclass(frozen=True)
class SizeResult:
    domains: int
    files: int
    python_files: int
    steps: dict[str, StepResult]
    shape: str = "layered"


@dataclass(frozen=True)
class TargetCheck:
    name: str
    limit: str
    value: str
    met: bool


def peak_mib(ru_maxrss: int) -> float:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return ru_maxrss / scale


def tail(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return text[-STDERR_TAIL_CHARS:]


def measure(name: str, cmd: Sequence[str], expected_exit: int, log: Path) -> Measurement:
    """Run `cmd` once (stdout discarded, stderr to `log`); fail unless it exits as expected."""
    with log.open("wb") as stderr:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped by wait4; stop Popen from waiting again
    if code != expected_exit:
        raise StepFailed(
            f"step {name!r} exited with {code}, expected {expected_exit}\n"
            f"command: {' '.join(cmd)}\nstderr (tail):\n{tail(log)}"
        )
    return Measurement(seconds, peak_mib(usage.ru_maxrss), cpu)


def check_migrated(copy: Path) -> None:
    """The in-place run must have replaced the layered package with the domain-first one."""
    if (copy / "app").exists() or not (copy / "src" / "d0001s" / "router.py").is_file():
        raise StepFailed(f"the migrated copy {copy} does not have the domain-first layout")


def run_steps(project: Path, copy: Path, tool: str, logs: Path) -> dict[str, Measurement]:
    """One measurement of each step; the migration and no-op run on `copy`, a fresh copy."""
    results = {
        "floor": measure("floor", [sys.executable, "-c", FLOOR_SCRIPT, str(project)], 0, logs),
        "dry-run": measure("dry-run", [tool, str(project), "--dry-run"], 1, logs),
    }
    results["migrate"] = measure("migrate", [tool, str(copy)], 0, logs)
    check_migrated(copy)
    results["no-op"] = measure("no-op", [tool, str(copy)], 0, logs)
    return results


def best_of(runs: list[dict[str, Measurement]]) -> dict[str, Measurement]:
    """Fastest wall time, least CPU time and highest peak memory of each step over the
    repetitions."""
    return {
        step: Measurement(
            min(run[step].seconds for run in runs),
            max(run[step].peak_mib for run in runs),
            min(run[step].cpu_seconds for run in runs),
        )
        for step in STEPS
    }


def with_ratios(runs: list[dict[str, Measurement]]) -> dict[str, StepResult]:
    measured = best_of(runs)
    floor, floor_cpu = measured["floor"].seconds, measured["floor"].cpu_seconds
    return {
        step: StepResult(
            m.seconds,
            m.seconds / floor,
            m.peak_mib,
            tuple(run[step].seconds for run in runs),
            m.cpu_seconds,
            m.cpu_seconds / floor_cpu if floor_cpu else 0.0,
        )
        for step, m in measured.items()
    }


def bench_size(
    domains: int, tool: str, repeat: int, work: Path, shape: str = "layered"
) -> SizeResult:
    """Generate a project of `domains` domains and `shape` under `work` and measure every
    step on it.

    Every copy the migrations will run on is made first, and nothing is deleted until the
    whole benchmark ends: on an ext4 file system without a journal (the development
    machine's), creating a file costs more the more files were deleted in the last minute or
    so (the kernel's `recently_deleted()` skips their inodes one by one), so a benchmark that
    deleted its previous copy just before a migration timed its own clean-up."""
    project = work / "project"
    files = generate(project, domains, shape=shape)
    python_files = sum(1 for _ in project.rglob("*.py"))
    copies = [work / f"copy{index}" for index in range(1, repeat + 1)]
    for copy in copies:
        shutil.copytree(project, copy)
    os.sync()  # written back now, not by the kernel's flusher during a measured step
    runs = [run_steps(project, copy, tool, work / "stderr.log") for copy in copies]
    return SizeResult(domains, files, python_files, with_ratios(runs), shape)


def tool_fingerprint() -> str:
    """A hash of the tool's installed source, to tell whether it changed during the run."""
    spec = importlib.util.find_spec("forgeapi_migrate")
    digest = hashlib.sha256()
    for location in (spec.submodule_search_locations or []) if spec else []:
        for dirpath, dirnames, filenames in os.walk(location, followlinks=True):
            dirnames.sort()
            for name in sorted(f for f in filenames if f.endswith(".py")):
                path = Path(dirpath, name)
                digest.update(path.relative_to(location).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compile_tool() -> None:
    """Byte-compile the tool's source first, as `pip install` does for an installed tool: an
    editable install under PYTHONDONTWRITEBYTECODE=1 (set on some machines) would otherwise
    compile every changed module on every measured run, and measure that instead."""
    spec = importlib.util.find_spec("forgeapi_migrate")
    for location in (spec.submodule_search_locations or []) if spec else []:
        for dirpath, _, _ in os.walk(location, followlinks=True):  # codemods/ is a symlink
            compileall.compile_dir(dirpath, maxlevels=0, quiet=1)


def find_tool() -> str:
    """The forgeapi-migrate script next to this interpreter (the project venv), else on PATH."""
    beside = Path(sys.executable).parent / "forgeapi-migrate"
    found = str(beside) if beside.is_file() else shutil.which("forgeapi-migrate")
    if found is None:
        raise StepFailed("forgeapi-migrate not found; run with the project's .venv/bin/python")
    return found


def check_targets(results: list[SizeResult]) -> list[TargetCheck] | None:
    """The issue's targets, judged at TARGET_DOMAINS on the worst shape measured; None when
    that size was not measured."""
    at_target = [r for r in results if r.domains == TARGET_DOMAINS]
    if not at_target:
        return None

    def worst(step: str, ratio: Callable[[StepResult], float]) -> tuple[float, str]:
        return max((ratio(r.steps[step]), r.shape) for r in at_target)

    migrate, migrate_shape = worst("migrate", lambda s: s.ratio)
    cpu, cpu_shape = worst("migrate", lambda s: s.cpu_ratio)
    noop, noop_shape = worst("no-op", lambda s: s.ratio)
    peak = max(r.steps[s].peak_mib for r in at_target for s in TOOL_STEPS)
    return [
        TargetCheck(
            "full migration vs floor, wall",
            f"<= {MIGRATE_MAX_RATIO:.2f}x",
            f"{migrate:.2f}x ({migrate_shape})",
            migrate <= MIGRATE_MAX_RATIO,
        ),
        TargetCheck(
            "full migration vs floor, CPU",
            f"<= {MIGRATE_MAX_CPU_RATIO:.2f}x",
            f"{cpu:.2f}x ({cpu_shape})",
            cpu <= MIGRATE_MAX_CPU_RATIO,
        ),
        TargetCheck(
            "no-op run vs floor, wall",
            f"<= {NOOP_MAX_RATIO:.2f}x",
            f"{noop:.2f}x ({noop_shape})",
            noop <= NOOP_MAX_RATIO,
        ),
        TargetCheck(
            "peak memory of any tool run",
            f"< {PEAK_MAX_MIB:.0f} MiB",
            f"{peak:.0f} MiB",
            peak < PEAK_MAX_MIB,
        ),
    ]


def format_table(results: list[SizeResult]) -> str:
    header = (
        f"{'shape':<9} {'domains':>7} {'files':>6}  {'step':<8} {'wall s':>7} {'ratio':>7}"
        f" {'CPU s':>7} {'ratio':>7} {'peak MiB':>9}"
    )
    lines = [
        "floor: libcst parse + code generation (.code) of every .py file, one process,",
        "measured in this run; ratios are to it (wall to wall, CPU to CPU).",
        header,
        "-" * len(header),
    ]
    for result in results:
        for index, (step, r) in enumerate(result.steps.items()):
            size = f"{result.shape:<9} {result.domains:>7} {result.files:>6}"
            lines.append(
                f"{size if index == 0 else ' ' * len(size)}  {step:<8} {r.seconds:>7.2f}"
                f" {r.ratio:>6.2f}x {r.cpu_seconds:>7.2f} {r.cpu_ratio:>6.2f}x {r.peak_mib:>9.1f}"
            )
    return "\n".join(lines)


def format_targets(checks: list[TargetCheck] | None) -> str:
    if checks is None:
        return f"Targets are defined at {TARGET_DOMAINS} domains, which this run did not measure."
    lines = [f"Targets at {TARGET_DOMAINS} domains:"]
    for c in checks:
        verdict = "met" if c.met else "NOT MET"
        lines.append(f"  {c.name:<30} {c.limit:>12}  measured {c.value:>18}  {verdict}")
    return "\n".join(lines)


def to_json(
    results: list[SizeResult],
    checks: list[TargetCheck] | None,
    repeat: int,
    source: str,
    work_dir: str,
) -> str:
    document = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool_source_sha256": source,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "repeat": repeat,
        "work_dir": work_dir,
        "sizes": [asdict(r) for r in results],
        "floor": "libcst.parse_module + .code of every .py file, one process, same run",
        "targets": {
            "domains": TARGET_DOMAINS,
            "checks": None if checks is None else [asdict(c) for c in checks],
        },
    }
    return json.dumps(document, indent=2) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark forgeapi-migrate against the floor.")
    parser.add_argument("--domains", type=int, nargs="+", default=[50, 200, 800])
    parser.add_argument(
        "--shape",
        action="append",
        choices=[*SHAPES, "all"],
        help="project shape (generate.py's SHAPES), repeatable; `all` for every one "
        "(default: layered)",
    )
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write results")
    parser.add_argument("--repeat", type=int, default=1, help="runs per step; best time is kept")
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="where the projects are generated (default: the system's temp folder); the "
        "in-place migration's file writes cost what this file system charges",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or min(args.domains) < 1:
        parser.error("--repeat and --domains must be positive")
    chosen = args.shape or ["layered"]
    args.shape = list(SHAPES) if "all" in chosen else list(dict.fromkeys(chosen))
    return args


def main(argv: Sequence[str] | None = None, echo: Callable[[str], None] = print) -> int:
    args = parse_args(argv)
    if importlib.util.find_spec("libcst") is None:
        echo("libcst is not importable here; run with the project's .venv/bin/python")
        return 2
    before = tool_fingerprint()
    compile_tool()
    try:
        tool = find_tool()
        results = []
        with tempfile.TemporaryDirectory(prefix="forgeapi-bench-", dir=args.work_dir) as tmp:
            for index, (shape, domains) in enumerate(
                ((s, d) for s in args.shape for d in args.domains), start=1
            ):
                echo(f"measuring {shape}, {domains} domains ...")
                work = Path(tmp, f"{index}-{shape}-domains-{domains}")
                results.append(bench_size(domains, tool, args.repeat, work, shape))
    except StepFailed as exc:
        echo(f"BENCHMARK FAILED: {exc}")
        return 1
    checks = check_targets(results)
    echo(format_table(results))
    echo(format_targets(checks))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    work_dir = str(args.work_dir or tempfile.gettempdir())
    document = to_json(results, checks, args.repeat, before, work_dir)
    args.json.write_text(document, encoding="utf-8")
    echo(f"results written to {args.json} (tool source {before})")
    if tool_fingerprint() != before:
        echo("WARNING: the forgeapi_migrate source changed during the run; the steps may have")
        echo("run different versions of the tool. Re-run on a quiet tree.")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
