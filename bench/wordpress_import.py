"""Benchmark `silkwire ingest wordpress` end to end on a generated WXR export.

    .venv/bin/python bench/wordpress_import.py --posts 20000 --db sqlite
    .venv/bin/python bench/wordpress_import.py --posts 20000 --db postgres \
        --pg-url postgres://postgres@127.0.0.1:5432/silkwire_bench_wp

Each run starts from an empty, migrated database (a fresh SQLite file, or the
PostgreSQL database dropped and created again), generates the export with
/work/shared/tools/gen_wxr.py (deterministic, cached under --cache), and runs the
real command under /usr/bin/time -v. It prints one Markdown table row: posts/s
(created ÷ wall time of the whole command, Django start-up and both passes over
the file included), the importer's own seconds, CPU seconds (main process and its
helper reader), peak RSS (of the main process, and summed over the process tree,
sampled every 0.5 s) and the
machine's load average (other processes share the 2 cores; CPU seconds show what
the import itself cost). ``--rerun`` also times a second run of the same export,
which must create nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SILKWIRE = ROOT / ".venv" / "bin" / "silkwire"
GEN_WXR = Path("/work/shared/tools/gen_wxr.py")


def export_for(posts: int, cache: Path, seed: int) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"wxr_{posts}_seed{seed}.xml"
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                str(GEN_WXR),
                "--posts",
                str(posts),
                "--seed",
                str(seed),
                "--out",
                str(path),
            ],
            check=True,
        )
    return path


def fresh_database(db: str, pg_url: str, home: Path) -> dict[str, str]:
    env = dict(os.environ, SILKWIRE_ENV="local", SILKWIRE_HOME=str(home))
    env.pop("SILKWIRE_DATABASE_URL", None)
    if db == "postgres":
        parts = urlsplit(pg_url)
        name = parts.path.lstrip("/")
        conn = [
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
        ]
        subprocess.run(["dropdb", *conn, "--if-exists", name], check=True)
        subprocess.run(["createdb", *conn, name], check=True)
        env["SILKWIRE_DATABASE_URL"] = pg_url
    subprocess.run([str(SILKWIRE), "migrate", "-v0"], check=True, env=env)
    return env


def _tree_rss_kb(root: int) -> int:
    """Return the summed RSS of ``root`` and its descendants (the helper reader included)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        match = re.search(r"VmRSS:\s+(\d+)", status)
        rss[pid] = int(match.group(1)) if match else 0
    tree, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        for pid, parent in parents.items():
            if parent == current and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree)


def timed_import(export: Path, env: dict[str, str], extra: list[str]) -> dict:
    load_before = os.getloadavg()[0]
    command = ["/usr/bin/time", "-v", str(SILKWIRE), "ingest", "wordpress", str(export), "--json"]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([*command, *extra], env=env, stdout=out, stderr=err, text=True)
        peak_tree = 0
        while proc.poll() is None:
            # /usr/bin/time's maxrss is one process; the box needs the sum over the tree.
            peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
            time.sleep(0.5)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode not in (0, 1):
        sys.exit(f"import failed ({proc.returncode}):\n{stderr[-3000:]}")
    report = json.loads(stdout)

    def grab(label: str) -> str:
        match = re.search(rf"{re.escape(label)}: (.+)", stderr)
        return match.group(1).strip() if match else ""

    wall = grab("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    return {
        "report": report,
        "wall": seconds,
        "cpu": float(grab("User time (seconds)")) + float(grab("System time (seconds)")),
        "rss_mb": int(grab("Maximum resident set size (kbytes)")) / 1024,
        "tree_mb": peak_tree / 1024,
        "load": (load_before + os.getloadavg()[0]) / 2,
    }


def row(label: str, posts: int, db: str, result: dict) -> str:
    report = result["report"]
    done = report["created"] + report["updated"] + report["unchanged"]
    return (
        f"| {label} | {db} | {posts:,} | {report['created']:,} / {report['unchanged']:,} | "
        f"{done / result['wall']:.0f} | {result['wall']:.1f} | {report['seconds']:.1f} | "
        f"{result['cpu']:.1f} | {result['rss_mb']:.0f} | {result['tree_mb']:.0f} | "
        f"{len(report['failed'])} | {result['load']:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/silkwire_bench_wp")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "silkwire-bench-wxr"
    )
    parser.add_argument("--rerun", action="store_true", help="Also time a second, idempotent run.")
    parser.add_argument("--keep", action="store_true", help="Keep the SQLite home folder.")
    parser.add_argument("--serial", action="store_true", help="Pass --serial (one process).")
    parser.add_argument("--batch-size", type=int, help="Pass --batch-size N to the import.")
    args = parser.parse_args()

    export = export_for(args.posts, args.cache, args.seed)
    home = Path(tempfile.mkdtemp(prefix="silkwire-bench-wp-"))
    try:
        env = fresh_database(args.db, args.pg_url, home)
        print(
            "| run | database | posts | created / unchanged | posts/s (wall) | wall s | "
            "importer s | CPU s | peak RSS MB | peak RSS, all processes MB | failed | load avg |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        extra = ["--serial"] if args.serial else []
        if args.batch_size:
            extra += ["--batch-size", str(args.batch_size)]
        first = timed_import(export, env, extra)
        print(row("first import", args.posts, args.db, first), flush=True)
        if args.rerun:
            second = timed_import(export, env, extra)
            print(row("second run", args.posts, args.db, second), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
