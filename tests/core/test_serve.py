"""``silkwire serve`` as real processes on loopback ports: signals, the port check, drain.

Each test starts the real command (granian and its workers) on a free port of a home
prepared once per session, and bounds every wait. Linux only (parent-death signals).
"""

from __future__ import annotations

import errno
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="parent-death signals are Linux-only"
)

REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 240  # two shared cores: a worker can take a while to import Wagtail
SETUP = "from silkwire.core.serving.setup import prepare; prepare()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SILKWIRE_DATABASE_URL", "SILKWIRE_PAGECACHE_DIR", "SILKWIRE_MEDIA_ROOT"}
    }
    env.update(
        SILKWIRE_ENV="local",
        SILKWIRE_HOME=str(home),
        SILKWIRE_CACHE_URL="locmem://",
        DJANGO_SETTINGS_MODULE="tests.core.serve_settings",
        PYTHONPATH=str(REPO),
    )
    return env


def silkwire(home: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "silkwire", *args],
        env=serve_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def prepared_home(tmp_path_factory) -> Path:
    """A migrated home with collected static files, as after a first ``serve``."""
    home = tmp_path_factory.mktemp("serve-home")
    done = silkwire(home, "shell", "--no-imports", "-c", SETUP)
    assert done.returncode == 0, done.stderr
    return home


def connect(port: int) -> None:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()


def get(port: int, path: str = "/", timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def children(pid: int) -> list[int]:
    """Every live descendant of ``pid``, read from /proc."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return found
    for tid in tasks:
        try:
            kids = Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        except FileNotFoundError:
            continue
        for kid in map(int, kids):
            found += [kid, *children(kid)]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


class Serve:
    """One ``silkwire serve`` in its own process group (so cleanup reaches what it started)."""

    def __init__(self, home: Path, port: int, *args: str, log_dir: Path):
        self.home, self.port = home, port
        self.log_path = log_dir / f"serve-{port}.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "silkwire", "serve", "--port", str(port), "--no-scheduler"]
            + list(args),
            env=serve_env(home),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"serve exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if get(self.port, "/", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(f"serve did not answer within {timeout}s:\n{self.output()}")

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.log.close()


@pytest.fixture
def start(prepared_home, tmp_path):
    started: list[Serve] = []

    def _start(*args: str, home: Path = prepared_home, port: int | None = None) -> Serve:
        server = Serve(home, port or free_port(), *args, log_dir=tmp_path)
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()


def wait_gone(pids: list[int], port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            break
        time.sleep(0.1)
    assert not [p for p in pids if alive(p)], "server processes outlived serve"
    with pytest.raises(ConnectionRefusedError):
        connect(port)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGHUP])
def test_killing_serve_leaves_no_server_listening(start, signum):
    server = start("--workers", "2", "--skip-setup")
    server.wait_ready()
    processes = children(server.proc.pid)
    assert len(processes) >= 3, "granian's main process and two workers"
    os.kill(server.proc.pid, signum)
    server.proc.wait(timeout=10)
    wait_gone(processes, server.port)


def test_killing_granian_takes_its_workers_and_serve_with_it(start):
    server = start("--workers", "2", "--skip-setup")
    server.wait_ready()
    granian = children(server.proc.pid)[0]  # serve's only child; the workers are its own
    workers = children(granian)
    assert len(workers) == 2
    os.kill(granian, signal.SIGKILL)
    assert server.proc.wait(timeout=30) != 0
    assert "the server exited with status" in server.output()
    wait_gone(workers, server.port)


def test_a_port_in_use_is_refused_even_with_so_reuseport(start):
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        server = start("--skip-setup", port=port)
        try:
            code = server.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail(f"a second server started on port {port}:\n{server.output()}")
        assert code != 0
        assert f"port {port} on 127.0.0.1 is already in use" in server.output()
    finally:
        holder.close()


def test_sigterm_drains_the_request_in_flight_and_refuses_new_ones(start, prepared_home):
    server = start("--workers", "1", "--skip-setup")
    server.wait_ready()

    second = silkwire(
        prepared_home,
        "serve",
        "--port",
        str(server.port),
        "--skip-setup",
        "--no-scheduler",
        timeout=120,
    )
    assert second.returncode != 0
    assert "already" in second.stderr and str(server.port) in second.stderr

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("GET", "/_util/slow/?s=8")
    response = conn.getresponse()
    assert response.status == 200
    assert response.readline() == b"started\n"  # the view is running now
    os.kill(server.proc.pid, signal.SIGTERM)

    refused = threading.Event()

    def try_new_connections():
        # While the slow response is still in flight (8 s; the stop reaches the worker
        # through serve and granian's main process, which can take a moment under load).
        deadline = time.monotonic() + 7
        while time.monotonic() < deadline:
            try:
                status, _ = get(server.port, "/", timeout=2)
            except OSError:
                refused.set()
                return
            time.sleep(0.1)

    prober = threading.Thread(target=try_new_connections)
    prober.start()
    rest = response.read()
    conn.close()
    prober.join(timeout=10)
    assert b"slow done" in rest
    assert refused.is_set(), "new connections were still served after SIGTERM"
    assert server.proc.wait(timeout=60) == 0


def fill(directory: Path) -> None:
    """Fill the filesystem of ``directory`` until a write fails with ENOSPC."""
    chunk = b"\0" * (1 << 20)
    with open(directory / "filler", "wb", buffering=0) as fh:
        while chunk:
            try:
                fh.write(chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                chunk = chunk[: len(chunk) // 2]
    assert os.statvfs(directory).f_bavail == 0


@pytest.fixture
def small_disk(tmp_path, prepared_home):
    """A tmpfs just larger than the prepared home, holding a copy of it (needs root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    used = sum(p.stat().st_size for p in prepared_home.rglob("*") if p.is_file())
    size_mb = used // (1 << 20) + 8
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        shutil.copytree(prepared_home, mount / "home", ignore=shutil.ignore_patterns("*.log"))
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_start_on_a_full_disk_writes_nothing_and_serves_the_home_page(start, small_disk):
    home = small_disk / "home"
    fill(small_disk)
    server = start("--workers", "1", home=home)
    try:
        server.wait_ready()
        status, body = get(server.port, "/")
        assert status == 200 and b"<html" in body.lower()
        assert "released the 1024 KiB reserve" in server.output()
    finally:
        server.stop()
