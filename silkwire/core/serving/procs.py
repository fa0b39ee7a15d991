"""Tie granian's processes to ``silkwire serve`` so that no server outlives it.

The tree is ``silkwire serve`` → granian's main process → granian's workers. Each child asks
the kernel for a signal when its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``), which
works even when the parent is killed with SIGKILL and cannot clean up:

* granian's main process gets SIGTERM when ``serve`` dies, so it drains and exits;
* a worker gets SIGKILL when granian's main process dies (nobody is left to drain it).

The port check refuses a second server on a port in use: granian binds with SO_REUSEPORT,
so without it two servers would silently share the port.
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import socket
import sys

PR_SET_PDEATHSIG = 1
SERVE_PID_ENV = "_SILKWIRE_SERVE_PID"  # internal: not a setting
GRANIAN_PID_ENV = "_SILKWIRE_GRANIAN_PID"


class PortInUse(Exception):
    """The address ``serve`` was asked to listen on is taken."""


def set_parent_death_signal(signum: int) -> bool:
    """Ask the kernel to send ``signum`` to this process when its parent dies; False off Linux."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"prctl(PR_SET_PDEATHSIG): {os.strerror(err)}")
    return True


def _orphaned(expected_parent: str | None) -> bool:
    # The parent may have died between fork and prctl: then no signal will ever come.
    return bool(expected_parent) and os.getppid() != int(expected_parent)


def granian_main() -> None:
    """Run granian's command line as a child that dies with ``silkwire serve``."""
    set_parent_death_signal(signal.SIGTERM)
    if _orphaned(os.environ.get(SERVE_PID_ENV)):
        sys.exit("silkwire serve exited before the server started")
    # The workers inherit this and check it the same way.
    os.environ[GRANIAN_PID_ENV] = str(os.getpid())
    from granian.cli import entrypoint

    sys.argv[0] = "granian"
    entrypoint()


def worker_application():
    """Build the WSGI application in a granian worker (``--factory``), tied to its parent."""
    # A forked worker inherits the main process's SIGTERM handler, which only sets a flag
    # in this copy: a stop requested while the worker loads Django would be lost and the
    # main process would wait for it. Nothing is in flight yet, so let SIGTERM end it; granian
    # installs its draining handler once the application is built.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    set_parent_death_signal(signal.SIGKILL)
    if _orphaned(os.environ.get(GRANIAN_PID_ENV)):
        os._exit(1)
    from silkwire.wsgi import application

    return application


def check_port_free(host: str, port: int) -> None:
    """Raise PortInUse when something already listens on ``host:port``.

    The probe binds without SO_REUSEPORT, so it fails against granian's listener;
    SO_REUSEADDR lets it succeed over connections of a stopped server left in TIME_WAIT.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise PortInUse(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(
                    f"port {port} on {host} is already in use: another `silkwire serve` (or "
                    f"another program) is listening there. Stop it, or choose another port "
                    f"with --port."
                ) from None
            raise PortInUse(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def hold_serve_lock(host: str, port: int) -> socket.socket | None:
    """Take a per-port lock for this process's lifetime; raise PortInUse if another serve has it.

    The lock closes the window between the port check and granian's bind (migrations and
    static files run in between), so two ``serve`` started together cannot both pass.
    It is a Linux abstract socket: it writes nothing to disk and vanishes with the process.
    """
    if not sys.platform.startswith("linux"):
        return None
    lock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        lock.bind(f"\0silkwire-serve:{host}:{port}")
    except OSError as exc:
        lock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"another `silkwire serve` is already starting or running on {host}:{port}."
            ) from None
        raise
    return lock


if __name__ == "__main__":
    granian_main()
