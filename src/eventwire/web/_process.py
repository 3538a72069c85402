"""``eventwire serve`` in a child process on a free loopback port (for tests and benchmarks)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from typing import Iterator


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServedURL(str):
    """The server's base URL, with the process id of the server behind it."""

    pid: int


@contextmanager
def served(db_url: str, *, token: str | None = None, extra_args: tuple[str, ...] = (),
           timeout: float = 90.0) -> Iterator[ServedURL]:
    """Run ``eventwire serve --db db_url`` on 127.0.0.1 and yield its base URL; stops it after."""
    port = free_port()
    env = {**os.environ}
    env.pop("EVENTWIRE_TOKEN", None)
    if token:
        env["EVENTWIRE_TOKEN"] = token
    cmd = [sys.executable, "-m", "eventwire.cli.main", "serve", "--db", db_url, "--host", "127.0.0.1",
           "--port", str(port), *extra_args]
    log = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: a chatty server never blocks
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    base = ServedURL(f"http://127.0.0.1:{port}")
    base.pid = proc.pid
    try:
        _wait(proc, base, timeout, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait(proc: subprocess.Popen, base: str, timeout: float, log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"eventwire serve exited with {proc.returncode}: {log.read()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/api/config", timeout=2) as res:
                if res.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"eventwire serve did not answer on {base} within {timeout:.0f}s")
