#!/usr/bin/env python3
"""Run the parser properties of tests/property for long: many examples, random seeds, shrinking.

    .venv/bin/python bench/fuzz.py --minutes 2            # share two minutes among all properties
    .venv/bin/python bench/fuzz.py --examples 5000        # 5,000 examples per property
    .venv/bin/python bench/fuzz.py --only rates_cbu html_extract --minutes 10
    .venv/bin/python bench/fuzz.py --list

The properties and strategies are the suite's own (``tests/property/props.py``): the suite runs
each with a small, derandomized budget; this runs them with fresh random seeds until the budget
is spent. A property stops at its first failure, which Hypothesis shrinks to a minimal example;
the summary prints it and the script exits 1. Exit 0 means no property failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.property.props import PROPERTIES  # noqa: E402

MAX_REPORT_CHARS = 6000  # a minimal example can still be a long document


def run_property(name: str, examples: int | None, seconds: float | None) -> dict:
    """Run one property for ``examples`` examples or until ``seconds`` have passed."""
    strategy, check = PROPERTIES[name]
    calls = 0

    def counted(value) -> None:
        nonlocal calls
        calls += 1
        check(value)

    started = time.monotonic()
    remaining = examples
    batch = examples or 20
    failure = None
    while True:
        test = settings(
            max_examples=batch,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(counted))
        before = calls
        batch_started = time.monotonic()
        try:
            test()
        except Exception as exc:  # the property's failure, already shrunk by Hypothesis
            failure = exc
            break
        if remaining is not None:
            break
        elapsed = time.monotonic() - started
        left = (seconds or 0) - elapsed
        if left <= 0:
            break
        per_example = (time.monotonic() - batch_started) / max(1, calls - before)
        batch = max(5, min(2000, int(left / max(per_example, 1e-4))))
    return {
        "name": name,
        "calls": calls,
        "seconds": time.monotonic() - started,
        "failure": failure,
    }


def describe(failure: BaseException) -> str:
    """Return the error and Hypothesis's notes (the falsifying example) as text."""
    parts = []
    errors = failure.exceptions if isinstance(failure, BaseExceptionGroup) else [failure]
    for error in errors:
        parts.append(f"{type(error).__name__}: {error}")
        parts.extend(getattr(error, "__notes__", []))
    text = "\n".join(parts)
    if len(text) > MAX_REPORT_CHARS:
        text = text[:MAX_REPORT_CHARS] + f"\n… ({len(text) - MAX_REPORT_CHARS} more characters)"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    budget = parser.add_mutually_exclusive_group()
    budget.add_argument("--examples", type=int, help="examples per property")
    budget.add_argument("--minutes", type=float, help="total time, shared among the properties")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these properties")
    parser.add_argument("--skip", nargs="+", metavar="NAME", default=[], help="leave these out")
    parser.add_argument("--list", action="store_true", help="list the properties and exit")
    args = parser.parse_args(argv)

    if args.list:
        print("\n".join(PROPERTIES))
        return 0
    names = args.only or list(PROPERTIES)
    unknown = [n for n in [*names, *args.skip] if n not in PROPERTIES]
    if unknown:
        parser.error(f"unknown properties {', '.join(unknown)}; see --list")
    names = [n for n in names if n not in args.skip]
    examples = args.examples
    seconds = None
    if examples is None:
        seconds = (args.minutes if args.minutes is not None else 1.0) * 60 / len(names)

    warnings.simplefilter("ignore")  # feedparser and Hypothesis repr warnings drown the report
    started = time.monotonic()
    results = []
    for name in names:
        result = run_property(name, examples, seconds)
        status = "FAIL" if result["failure"] else "ok"
        print(
            f"{name:<22} {status:<4} {result['calls']:>7} examples {result['seconds']:7.1f} s",
            flush=True,
        )
        results.append(result)

    failed = [r for r in results if r["failure"]]
    total_calls = sum(r["calls"] for r in results)
    print(
        f"\n{len(results)} properties, {total_calls} examples (shrinking included) in "
        f"{time.monotonic() - started:.1f} s: {len(failed)} failed"
    )
    for result in failed:
        print(f"\n=== {result['name']}: minimal failing example\n{describe(result['failure'])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
