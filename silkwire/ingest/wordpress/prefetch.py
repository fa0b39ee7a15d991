"""Read and convert items in a second process while the first one writes.

Parsing the export and turning each post's HTML into blocks is pure CPU work that
needs no database; on a machine with two cores it runs in a spawned helper process
(no Django in it, no shared connections) and the importer only maps and writes. The
helper streams items through a bounded queue, so memory stays flat. Small exports
are read in-process: starting the helper costs more than it saves.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue as queue_module
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from silkwire.ingest.wordpress.content import Conversion, convert_content, plain_text
from silkwire.ingest.wordpress.parse import WXRItem, iter_export

PARALLEL_MIN_BYTES = 8 * 1024 * 1024
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_CHUNK = 64  # items per queue message
_QUEUE_CHUNKS = 16  # at most this many messages waiting: memory stays bounded


@dataclass
class Prepared:
    item: WXRItem
    conversion: Conversion | None = None
    detected: list[str] | None = None  # country slugs named in the text (gazetteer)
    standfirst: str | None = None
    error: str | None = None  # converting this item failed: it is reported, the run goes on


def detection_text(item: WXRItem, title: str) -> str:
    """Return the text the gazetteer reads: title, excerpt and the opening of the body."""
    return " ".join([title, plain_text(item.excerpt), plain_text(item.content[:4000])[:1500]])


def _load_detect() -> Callable[[str], list] | None:
    try:
        from silkwire.core.gazetteer import detect_countries
    except ImportError:
        return None
    return detect_countries


def prepare(item: WXRItem, detect: Callable[[str], list] | None) -> Prepared:
    """Convert one item; a failure is kept on the item (one bad post never stops the run)."""
    if item.post_type not in {"post", "page"}:
        return Prepared(item)
    try:
        return _prepare(item, detect)
    except Exception as exc:
        return Prepared(item, error=f"{type(exc).__name__}: {exc}"[:500])


def _prepare(item: WXRItem, detect: Callable[[str], list] | None) -> Prepared:
    conversion = convert_content(item.content)
    detected = None
    if detect is not None:
        detected = [
            str(getattr(m, "slug", m)) for m in detect(detection_text(item, item.title)) or []
        ]
    return Prepared(item, conversion, detected, plain_text(item.excerpt, 2000))


def die_with_parent(parent_pid: int) -> None:
    """Make this helper exit when the importing process dies, even by ``kill -9``.

    Linux: the kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``).
    Elsewhere, and as a fallback, a watchdog thread exits once the parent pid changes.
    The queue's resource tracker then sees its last user gone and exits too.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _produce(paths: list[str], max_bytes: int | None, out, parent_pid: int | None = None) -> None:
    """Helper process: stream the export(s), convert, send chunks; errors go back too."""
    if parent_pid is not None:
        die_with_parent(parent_pid)
    try:
        detect = _load_detect()
        warnings: list[str] = []
        chunk: list[Prepared] = []
        for path in paths:
            for _, item in iter_export(path, max_bytes, warnings):
                chunk.append(prepare(item, detect))
                if len(chunk) >= _CHUNK:
                    out.put(("items", chunk))
                    chunk = []
        out.put(("items", chunk))
        out.put(("end", warnings))
    except BaseException as exc:  # sent to the parent, which raises it
        out.put(("error", exc))


def should_run_in_parallel(paths: list[Path], requested: bool | None) -> bool:
    if requested is not None:
        return requested
    if (os.cpu_count() or 1) < 2:
        return False
    return sum(p.stat().st_size for p in paths if p.exists()) >= PARALLEL_MIN_BYTES


def prepared_items(
    paths: list[Path], max_bytes: int | None, warnings: list[str], parallel: bool
) -> Iterator[Prepared]:
    """Yield every item of the export(s), its content already converted when in parallel."""
    if not parallel:
        for path in paths:
            for _, item in iter_export(path, max_bytes, warnings):
                yield Prepared(item)
        return
    ctx = multiprocessing.get_context("spawn")
    channel = ctx.Queue(maxsize=_QUEUE_CHUNKS)
    helper = ctx.Process(
        target=_produce,
        args=([str(p) for p in paths], max_bytes, channel, os.getpid()),
        name="wordpress-prefetch",
        daemon=True,
    )
    helper.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=5)
            except queue_module.Empty:
                if not helper.is_alive():
                    raise RuntimeError(
                        f"the export reader process stopped (exit code {helper.exitcode})"
                    ) from None
                continue
            if kind == "items":
                yield from payload
            elif kind == "end":
                warnings.extend(payload)
                break
            else:
                raise payload
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join(timeout=5)
        channel.close()
