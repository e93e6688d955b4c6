"""A real S3 endpoint for the tests: moto's standalone server, run as a separate
process on a free 127.0.0.1 port (no MinIO server installs from the registries
reachable here; moto speaks the S3 protocol over HTTP). `make airflow-celery` starts
it too when no S3 endpoint is configured (pipeline/airflow_celery.py, a development
launcher run from a checkout).

    with MotoS3Server() as server:
        env = server.env()          # DOSSIERS_S3_* variables for Settings.from_env or a CLI subprocess
        ...

Needs `moto[server]` (a test dependency, not a runtime one).
"""
from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

from pipeline.airflow_local import free_port

# moto accepts any credentials; these only have to be non-empty for request signing.
ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"


class S3ServerError(RuntimeError):
    """The test S3 server would not start."""


class MotoS3Server:
    def __init__(self, *, startup_timeout: float = 30.0) -> None:
        self.startup_timeout = startup_timeout
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: tempfile._TemporaryFileWrapper[bytes] | None = None

    @property
    def endpoint(self) -> str:
        """host:port, the form DOSSIERS_S3_ENDPOINT takes."""
        if self.port is None:
            raise S3ServerError("the S3 server is not running")
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.endpoint}"

    def env(self, bucket: str = "dossiers", *, sse: bool = False) -> dict[str, str]:
        return {
            "DOSSIERS_S3_ENDPOINT": self.endpoint,
            "DOSSIERS_S3_ACCESS_KEY": ACCESS_KEY,
            "DOSSIERS_S3_SECRET_KEY": SECRET_KEY,
            "DOSSIERS_S3_BUCKET": bucket,
            "DOSSIERS_S3_SECURE": "0",
            "DOSSIERS_S3_SSE": "1" if sse else "0",
        }

    def start(self) -> Self:
        # The port is free when we look and taken when moto binds: another process can
        # slip in between, so a server that exits at once gets another port.
        log = ""
        for _attempt in range(3):
            self.port = free_port()
            # Open for the server's lifetime; stop() closes (and so deletes) it.
            self._log = tempfile.NamedTemporaryFile(prefix="moto-s3-", suffix=".log")  # noqa: SIM115
            self._process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
            )
            answering = self._wait_until_answering_or_exited()
            if answering:
                return self
            log = self.log_text()
            timed_out = self._process.poll() is None
            self.stop()
            if timed_out:
                raise S3ServerError(f"moto's S3 server did not answer within {self.startup_timeout} s:\n{log}")
        raise S3ServerError(f"moto's S3 server did not start (is moto[server] installed?):\n{log}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None
        self.port = None

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections hang as on a store that is down,
        and its state survives for `resume`."""
        assert self._process is not None
        self._process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self._process is not None
        self._process.send_signal(signal.SIGCONT)

    def reset(self) -> None:
        """Forget every bucket and object (moto's own reset endpoint): test isolation."""
        request = urllib.request.Request(f"{self.url}/moto-api/reset", method="POST")
        with urllib.request.urlopen(request, timeout=5):
            pass

    def log_text(self) -> str:
        if self._log is None:
            return ""
        return Path(self._log.name).read_text(errors="replace")

    def _wait_until_answering_or_exited(self) -> bool:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline and self._process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/moto-api/", timeout=1):
                    return True
            except urllib.error.HTTPError:
                return True  # any HTTP answer means it is serving
            except OSError:
                time.sleep(0.1)
        return False

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
