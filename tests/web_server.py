"""Start ``aiact serve`` as a real process on a free loopback port, for the browser tests."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

AIACT = Path(sys.executable).with_name("aiact")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One ``aiact serve`` process over a data folder; stopped by its own process id."""

    def __init__(self, data: Path, port: int | None = None) -> None:
        self.data = data
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 60) -> Server:
        self.process = subprocess.Popen(
            [str(AIACT), "serve", "--port", str(self.port), "--data", str(self.data)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"aiact serve stopped: {self.process.stdout.read() if self.process.stdout else ''}")
            try:
                status, _, _ = self.get("/")
                if status == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("aiact serve did not answer in time")

    def get(self, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
        """A raw GET (any Host header), as a browser would never send it."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_host=True)
            connection.putheader("Host", host or f"127.0.0.1:{self.port}")
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def stop(self) -> str:
        """Stop the server (Ctrl-C, as a person would) and return what it printed."""
        if self.process is None:
            return ""
        self.process.send_signal(signal.SIGINT)
        try:
            out, _ = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        self.process = None
        return out
