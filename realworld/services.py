"""Throwaway PostgreSQL and Redis servers for the real-world harness (stdlib only).

`start(name, scratch)` starts (or re-uses) one server whose files live under
`<scratch>/services/<pg|redis>` and returns the placeholders the repository recipes use
(`{pg_host}`, `{pg_port}`, `{pg_user}`, `{pg_password}`, `{redis_host}`, `{redis_port}`).
`stop_all()` stops every server that `start` started or re-used in this process, unless
another live process uses it too (each user leaves its pid in `<scratch>/services/<x>.users`).

PostgreSQL: a cluster made by `initdb` with trust authentication, superuser `postgres`
(any password is accepted, `postgres` included), listening on 127.0.0.1 and on a Unix
socket in its own folder. initdb refuses root, so as root the cluster belongs to an
unprivileged account (`postgres`, created with `useradd` when missing).
Redis: `redis-server`, installed with apt-get when missing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HOST = "127.0.0.1"
PG_USER = "postgres"
PG_PASSWORD = "postgres"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
START_TIMEOUT = 60.0

_running: dict[str, Path] = {}


class ServiceError(RuntimeError):
    """A service could not be started."""


def start(name: str, scratch: Path) -> dict[str, str]:
    """Start (or re-use) the service `name` under `scratch`; return its placeholders."""
    starters = {"postgresql": ("pg", _start_postgresql), "redis": ("redis", _start_redis)}
    if name not in starters:
        raise ServiceError(f"unknown service {name!r} (known: {', '.join(starters)})")
    short, starter = starters[name]
    folder = Path(scratch).resolve() / "services" / short
    folder.parent.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        values = starter(folder)
        _register(folder)
    _running[name] = folder
    return values


def stop_all() -> None:
    """Stop the servers `start` started or re-used in this process.

    A server that another live process also started or re-used is left running for it.
    """
    for name, folder in list(_running.items()):
        _running.pop(name, None)
        try:
            with _locked(folder):
                others = _unregister(folder)
                if others:
                    _say(f"leaving {name} running for process(es) {', '.join(others)}")
                elif name == "postgresql":
                    _stop_postgresql(folder)
                else:
                    _stop_redis(folder)
        except (OSError, subprocess.SubprocessError, ServiceError) as error:
            _say(f"could not stop {name} in {folder}: {error}")


# -- helpers ---------------------------------------------------------------------------


def _say(message: str) -> None:
    print(f"[services] {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One process at a time starts or stops the server of `folder`."""
    with (folder.parent / f"{folder.name}.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _register(folder: Path) -> None:
    users = folder.parent / f"{folder.name}.users"
    users.mkdir(exist_ok=True)
    (users / str(os.getpid())).touch()


def _unregister(folder: Path) -> list[str]:
    """Forget this process as a user of the server; the other live users' pids."""
    users = folder.parent / f"{folder.name}.users"
    (users / str(os.getpid())).unlink(missing_ok=True)
    alive = []
    for entry in sorted(users.glob("*")) if users.exists() else []:
        if entry.name.isdigit() and Path(f"/proc/{entry.name}").exists():
            alive.append(entry.name)
        else:
            entry.unlink(missing_ok=True)
    return alive


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _pick_port(folder: Path) -> int:
    """The port this server had last time when it is free again, else any free port."""
    port = _read_port(folder)
    if port is not None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
                return port
            except OSError:
                pass
    return _free_port()


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1.0):
            return True
    except OSError:
        return False


def _read_port(folder: Path) -> int | None:
    try:
        return int((folder / "port").read_text().strip())
    except (OSError, ValueError):
        return None


def _wait_for(check: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise ServiceError(f"{what} did not become ready in {START_TIMEOUT:.0f} s\n{tail}")


def _run(argv: list[str], user: str | None = None, env: dict[str, str] | None = None) -> None:
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    result = subprocess.run(argv, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0:
        output = result.stderr + result.stdout
        raise ServiceError(f"{' '.join(argv)} failed ({result.returncode}):\n{output}")


# -- PostgreSQL ------------------------------------------------------------------------


def _pg_owner() -> str | None:
    """The account that owns the cluster: None when we are not root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        _say(f"creating the unprivileged account {PG_USER!r} to own the PostgreSQL cluster")
        _run(["useradd", "--system", "--no-create-home", "--shell", "/bin/sh", PG_USER])
    return PG_USER


def _pg_tool(tool: str) -> str:
    path = PG_BIN / tool
    if path.exists():
        return str(path)
    found = shutil.which(tool)
    if found is None:
        raise ServiceError(f"PostgreSQL tool {tool!r} not found (looked in {PG_BIN} and PATH)")
    return found


def _pg_running(folder: Path, owner: str | None) -> bool:
    status = [_pg_tool("pg_ctl"), "-D", str(folder / "data"), "status"]
    if owner is not None:
        status = ["runuser", "-u", owner, "--", *status]
    return subprocess.run(status, capture_output=True, check=False).returncode == 0


def _pg_init(folder: Path, owner: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pwfile = folder / "pwfile"
    pwfile.write_text(PG_PASSWORD + "\n")
    if owner is not None:
        entry = pwd.getpwnam(owner)
        for path in (folder, pwfile):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    argv = [_pg_tool("initdb"), "-D", str(folder / "data"), "-U", PG_USER, "--auth=trust"]
    argv += ["--pwfile", str(pwfile), "--encoding=UTF8", "--locale=C.UTF-8"]
    _say(f"initdb {folder / 'data'}")
    _run(argv, user=owner)


def _start_postgresql(folder: Path) -> dict[str, str]:
    owner = _pg_owner()
    port = _read_port(folder)
    if port is not None and _pg_running(folder, owner) and _port_open(port):
        _say(f"re-using PostgreSQL on {HOST}:{port}")
    else:
        if not (folder / "data" / "PG_VERSION").exists():
            _check_traversable(folder, owner)
            _pg_init(folder, owner)
        port = _pick_port(folder)
        sockets = str(folder) if len(str(folder)) < 80 else "''"  # Unix sockets: 107 bytes
        options = f"-p {port} -k {sockets} -c listen_addresses={HOST} {PG_OPTIONS}"
        log = folder / "postgresql.log"
        argv = [_pg_tool("pg_ctl"), "-D", str(folder / "data"), "-l", str(log)]
        _say(f"starting PostgreSQL on {HOST}:{port}")
        _run([*argv, "-o", options, "-w", "-t", str(int(START_TIMEOUT)), "start"], user=owner)
        (folder / "port").write_text(f"{port}\n")
        _wait_for(lambda: _port_open(port), "PostgreSQL", log)
    return {"pg_host": HOST, "pg_port": str(port), "pg_user": PG_USER, "pg_password": PG_PASSWORD}


def _check_traversable(folder: Path, owner: str | None) -> None:
    """The cluster's owner must reach its folder: fail early with a clear message."""
    if owner is None:
        return
    for parent in reversed(folder.parents):
        if parent.exists() and not os.stat(parent).st_mode & 0o001:
            raise ServiceError(f"{parent} is not searchable by {owner!r}: chmod o+x it")


def _stop_postgresql(folder: Path) -> None:
    owner = _pg_owner()
    if not _pg_running(folder, owner):
        return
    _say(f"stopping PostgreSQL in {folder}")
    argv = [_pg_tool("pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]
    _run(argv, user=owner)


# -- Redis -----------------------------------------------------------------------------


def _redis_server() -> str:
    found = shutil.which("redis-server")
    if found is not None:
        return found
    _say("redis-server is missing: installing it with `apt-get install -y redis-server`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "redis-server"]
    if subprocess.run(install, env=env, stdout=sys.stderr, check=False).returncode != 0:
        _say("apt-get install failed: running `apt-get update` and trying once more")
        _run(["apt-get", "update"], env=env)
        _run(install, env=env)
    found = shutil.which("redis-server") or shutil.which("/usr/bin/redis-server")
    if found is None:
        raise ServiceError("redis-server is still missing after apt-get install")
    return found


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1.0) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _start_redis(folder: Path) -> dict[str, str]:
    port = _read_port(folder)
    if port is not None and _redis_ping(port):
        _say(f"re-using Redis on {HOST}:{port}")
    else:
        server = _redis_server()
        folder.mkdir(parents=True, exist_ok=True)
        port = _pick_port(folder)
        log = folder / "redis.log"
        argv = [server, "--port", str(port), "--bind", HOST, "--daemonize", "yes"]
        argv += ["--dir", str(folder), "--pidfile", str(folder / "redis.pid")]
        argv += ["--logfile", str(log), "--save", "", "--appendonly", "no"]
        _say(f"starting Redis on {HOST}:{port}")
        _run(argv)
        (folder / "port").write_text(f"{port}\n")
        _wait_for(lambda: _redis_ping(port), "Redis", log)
    return {"redis_host": HOST, "redis_port": str(port)}


def _stop_redis(folder: Path) -> None:
    try:
        pid = int((folder / "redis.pid").read_text().strip())
    except (OSError, ValueError):
        return
    _say(f"stopping Redis in {folder}")
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.1)
