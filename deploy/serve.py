"""One command for the explainer behind nginx: N Streamlit replicas, sticky sessions, gzip, the offline page.

Run: python -m deploy.serve [--replicas 2] [--port 8080]. Stop with Ctrl+C (every process stops).
Needs Debian's nginx (apt-get install nginx). The same configuration, deploy/nginx.conf.template,
is what a server would use; `Deployment` is also how the failover test and bench start it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float = 60.0) -> None:
    """Until `url` answers 200, or a RuntimeError."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def nginx_conf(prefix: Path, listen: str, ports: list[int], static: Path, site: Path) -> str:
    """The template with this machine's paths and the replicas' ports filled in."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in ports)
    text = TEMPLATE.read_text(encoding="utf-8")
    values = {"prefix": str(prefix), "listen": listen, "servers": servers, "static": str(static), "site": str(site)}
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


@dataclass
class Deployment:
    """Replicas and nginx on loopback: start, stop or restart a replica, stop all."""

    replicas: int = 2
    port: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    prefix: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="explainer-deploy-")))
    ports: list[int] = field(default_factory=list)
    procs: list[subprocess.Popen | None] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    secret: str = field(default_factory=lambda: secrets.token_hex(32))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Deployment:
        if not shutil.which("nginx"):
            raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
        self.port = self.port or free_port()
        self.ports = [free_port() for _ in range(self.replicas)]
        self.procs = [None] * self.replicas
        for i in range(self.replicas):
            self.start_replica(i)
        static = self.prefix / "offline"
        static.mkdir(parents=True, exist_ok=True)
        page = static / "dry-needling.html"
        subprocess.run([sys.executable, "-m", "mechanisms", "export", "dry-needling", "--format", "html",
                        "-o", str(page)], cwd=ROOT, check=True, env=self._env(), stdout=subprocess.DEVNULL)
        site = self.prefix / "patient"
        subprocess.run([sys.executable, "-m", "mechanisms", "export", "dry-needling", "--format", "site",
                        "-o", str(site)], cwd=ROOT, check=True, env=self._env(), stdout=subprocess.DEVNULL)
        # nginx's workers run as an unprivileged user: they must be able to read the pages.
        for path, mode in ((self.prefix, 0o755), (static, 0o755), (page, 0o644), (site, 0o755),
                           *((f, 0o644) for f in site.iterdir())):
            path.chmod(mode)
        conf = self.prefix / "nginx.conf"
        conf.write_text(nginx_conf(self.prefix, f"127.0.0.1:{self.port}", self.ports, static, site), encoding="utf-8")
        self.nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(self.prefix)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_healthy(self.url + "/healthz", 20)
        return self

    def _env(self) -> dict[str, str]:
        # One cookie secret for every replica: Streamlit signs its XSRF cookie with it, and a reader
        # whose replica died must be accepted by the next one.
        # The app's QR codes and links open the patient page this deployment serves beside it.
        return {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.secret, "MECHANISMS_PATIENT_PAGE": "/patient/",
                **self.env}

    def start_replica(self, i: int) -> None:
        """Start replica i on its own port and wait until it answers."""
        self.procs[i] = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.ports[i]),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=self._env(), stdout=(self.prefix / f"replica-{i}.log").open("ab"), stderr=subprocess.STDOUT,
        )
        wait_healthy(f"http://127.0.0.1:{self.ports[i]}/_stcore/health")

    def stop_replica(self, i: int, kill: bool = True) -> None:
        """Stop replica i at once (kill, as a crash would) or politely."""
        proc = self.procs[i]
        if proc is None:
            return
        proc.kill() if kill else proc.terminate()
        proc.wait(timeout=10)
        self.procs[i] = None

    def restart_replica(self, i: int) -> None:
        """Stop replica i politely and start it again (a restart, or an upgrade of code or data)."""
        self.stop_replica(i, kill=False)
        self.start_replica(i)

    def replica_of(self, key: str) -> int | None:
        """Which replica (index) last served the reader with this replica cookie, from nginx's log."""
        log = self.prefix / "access.log"
        served = [line.split()[2] for line in log.read_text(encoding="utf-8").splitlines()
                  if line.split()[1:2] == [key] and ":" in line.split()[2]] if log.exists() else []
        ports = [int(s.rsplit(":", 1)[1]) for s in served[-1:]]
        return self.ports.index(ports[0]) if ports and ports[0] in self.ports else None

    def stop(self) -> None:
        for i in range(len(self.procs)):
            self.stop_replica(i, kill=False)
        if self.nginx is not None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
            self.nginx = None
        shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self) -> Deployment:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    deployment = Deployment(replicas=args.replicas, port=args.port).start()
    print(f"The explainer: {deployment.url}  (patient page: {deployment.url}/patient/; "
          f"offline page: {deployment.url}/offline/dry-needling.html; "
          f"health: {deployment.url}/healthz; replicas on ports {', '.join(map(str, deployment.ports))})",
          flush=True)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping and deployment.nginx and deployment.nginx.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        deployment.stop()


if __name__ == "__main__":
    main()
