"""Helpers of the browser tests (tests/test_browser.py) and of the benchmark: build the site
once, serve it on 127.0.0.1 from a thread, launch Debian's chromium through Playwright
(never a browser download), watch every request and console message of a page, and time
a re-render of the evaluator.

`measure_rerender_ms(page)` is what scripts/bench.py may call on an open evaluator page.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import statistics
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
CHROMIUM = "/usr/bin/chromium"
REAL_MODEL = ROOT / "competencies.yml"
FIXTURE_MODEL = ROOT / "tests" / "fixtures" / "mini.yml"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
EPOCH = "1700000000"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def model_path() -> Path:
    """The real model once it exists, the small fixture before."""
    return REAL_MODEL if REAL_MODEL.exists() else FIXTURE_MODEL


def build_site(out: Path, model: Path | None = None) -> Path:
    """`mkdocs build` of the repo's site into `out` (deterministic: SOURCE_DATE_EPOCH set)."""
    model = model or model_path()
    env = dict(
        os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", ACCOUNTPATH_MODEL=str(model)
    )
    mkdocs = str(MKDOCS) if MKDOCS.exists() else shutil.which("mkdocs") or "mkdocs"
    proc = subprocess.run(
        [mkdocs, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".css": "text/css",
    }

    def log_message(self, format, *args):
        pass


@dataclass
class Server:
    """A static HTTP server of a folder on 127.0.0.1:<free port>, run in a daemon thread."""

    root: Path
    httpd: http.server.ThreadingHTTPServer = field(init=False)
    thread: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        handler = functools.partial(_QuietHandler, directory=str(self.root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_chromium() -> str:
    """Path of Debian's chromium; fails loudly (never skips) when it is missing."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. "
            "Run `make test` (it installs it with apt-get) or `apt-get install chromium`."
        )
    return CHROMIUM


def launch(playwright):
    """Chromium through Playwright with the repo's flags (no network side channels)."""
    return playwright.chromium.launch(executable_path=require_chromium(), args=LAUNCH_ARGS)


class Watch:
    """Everything a page asks the network for and every console error or page crash.

    Requests to anything but the local site are aborted and recorded: the test then fails
    on `foreign`, so a stray CDN or analytics call cannot hide.
    """

    def __init__(self, page, base_url: str) -> None:
        self.base = urlparse(base_url)
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _local(self, url: str) -> bool:
        u = urlparse(url)
        if u.scheme in ("data", "blob", "about"):
            return True
        return u.scheme == self.base.scheme and u.hostname == self.base.hostname and u.port == self.base.port

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if self._local(url):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def _failed(self, request) -> None:
        # ERR_ABORTED: a navigation (reload, goto) cancelled a request still in flight, such
        # as the search worker's index; not a fault of the site. Foreign requests are counted apart.
        if self._local(request.url) and "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"request failed: {request.url} {request.failure}")

    def _response(self, response) -> None:
        if self._local(response.url) and response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests left the local site: {self.foreign}"
        assert not self.errors, f"console errors: {self.errors}"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/screenshots/ (gitignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


_RERENDER_JS = """
(rounds) => {
  const result = document.getElementById('ev-result');
  const radios = Array.from(document.querySelectorAll('#ev-panel input[type=radio][name^="rating-"]'));
  if (!result || !radios.length) throw new Error('open the evaluator page first');
  const times = [];
  for (let i = 0; i < rounds; i += 1) {
    const radio = radios[(i * 7) % radios.length];
    const before = result.dataset.version;
    const t0 = performance.now();
    radio.click();                       // the change handler re-renders synchronously
    void result.offsetHeight;            // include style and layout of the new result
    const t1 = performance.now();
    if (result.dataset.version === before && radio.checked) {
      // clicking an already checked radio fires no change: not a re-render, skip it
      continue;
    }
    times.push(t1 - t0);
  }
  return times;
}
"""


def open_all(page) -> None:
    """The debrief chair's deliberate step on the evaluator: «Показать всё», then the second
    confirmation (no chair code set)."""
    page.click("#ev-show-all")
    page.click("#ev-chair-confirm")
    page.wait_for_selector("#ev-show-all:checked")


def measure_rerender_ms(page, rounds: int = 60) -> dict:
    """Time rating changes on an open evaluator page: click a rating radio, wait for the
    synchronous re-render of the panel result (including layout). Returns the median, the
    95th percentile and the maximum in milliseconds, and the number of samples."""
    page.wait_for_selector("#evaluator-app[data-ready='true']")
    page.wait_for_load_state("load")
    if page.locator("#ev-show-all").count() and not page.is_checked("#ev-show-all"):
        open_all(page)  # the result re-renders only where it may be seen
    page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
    page.evaluate(_RERENDER_JS, 10)  # warm-up: JIT and style caches, as after a few clicks by a user
    times = page.evaluate(_RERENDER_JS, rounds)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "median_ms": round(statistics.median(times), 3),
        "p95_ms": round(p95, 3),
        "max_ms": round(times[-1], 3),
        "samples": len(times),
    }
