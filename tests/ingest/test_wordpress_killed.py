"""``kill -9`` of an import leaves no helper process (nor its resource tracker) behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.ingest.test_wordpress_parse import HEADER, item

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (comm) state ppid …": comm may hold spaces, so split after the last ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killing_an_import_kills_its_helper_processes(tmp_path):
    path = tmp_path / "big.xml"  # 40 MB: over the 8 MB from which the helper process is used
    body = "<p>" + "Words of a long article. " * 400 + "</p>"
    path.write_text(
        HEADER + "".join(item(n, content=body) for n in range(1, 4001)) + "</channel></rss>",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "SILKWIRE_DATABASE_URL": database_url(),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the CLI's own settings, on the test database
    cli = Path(sys.executable).parent / "silkwire"
    proc = subprocess.Popen(
        [str(cli), "ingest", "wordpress", str(path), "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "stderr.txt").open("wb"),
    )
    try:
        deadline = time.monotonic() + 90
        helpers: set[int] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            helpers = children_of(proc.pid)
            # The resource tracker starts with the queue, the reader helper right after it.
            if len(helpers) >= 2:
                break
            time.sleep(0.1)
        assert len(helpers) >= 2, (tmp_path / "stderr.txt").read_text()[-2000:]
        time.sleep(0.5)
        helpers |= children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(pid) for pid in helpers):
            time.sleep(0.1)
        assert not [pid for pid in helpers if alive(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
