#!/usr/bin/env python3
"""Lighthouse desktop scores of the built site, served with gzip as a static host would.

    python scripts/lighthouse.py [SITE_DIR] [--page PATH ...] [--json OUT]

Serves SITE_DIR (default ./site; run `make site` first) on 127.0.0.1 with gzip for text
files and long cache headers under assets/, runs Lighthouse 12 (installed with npm into
build/lighthouse on first use; Debian's /usr/bin/chromium, headless) on each page with the
desktop preset, and prints the four category scores, the bytes transferred and, for any
score below 100, the audits that cost points. Not part of `make test`: it takes a minute.
Exit code 1 when a score is below 100 or the career page transfers 300 KB or more.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "12.2.3"
PREFIX = ROOT / "build" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = (
    "",
    "roles/account-manager/",
    "competencies/negotiation/",
    "market/",
    "career/",
    "tools/evaluator/",
    "tools/self-assessment/",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETS = {"career/": 300 * 1024}
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".markdown", ".yml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the client accepts it; assets/ cached
    for a year (their names carry a hash or change with the site), pages revalidated."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".css": "text/css",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file() or path.suffix not in TEXT or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", self._cache(path))
        self.end_headers()
        return io.BytesIO(body)

    def _cache(self, path: Path) -> str:
        return "public, max-age=31536000" if "/assets/" in path.as_posix() else "no-cache"


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Start the gzip server of `site` on a free port in a daemon thread."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def lighthouse_bin() -> Path:
    """The Lighthouse CLI, installed with npm into build/lighthouse when missing."""
    exe = PREFIX / "node_modules" / ".bin" / "lighthouse"
    if not exe.exists():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )
    return exe


def audit(url: str, out: Path) -> dict:
    """Run Lighthouse (desktop preset) on one URL; the parsed JSON report."""
    cmd = [
        str(lighthouse_bin()),
        url,
        "--preset=desktop",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    subprocess.run(cmd, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    """Scores (0..100), bytes transferred and the audits that cost points."""
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    weight = int(report["audits"]["total-byte-weight"]["numericValue"])
    lost = []
    for c in CATEGORIES:
        if scores[c] == 100:
            continue
        for ref in report["categories"][c]["auditRefs"]:
            a = report["audits"][ref["id"]]
            if ref["weight"] > 0 and a.get("score") is not None and a["score"] < 1:
                lost.append(f"{c}: {ref['id']} ({a.get('displayValue') or a['score']})")
    cls = float(report["audits"]["cumulative-layout-shift"].get("numericValue") or 0)
    return {"scores": scores, "bytes": weight, "cls": cls, "lost": lost}


def main(argv: list[str] | None = None) -> int:
    """Measure every page and print one line each; 1 if a score or budget is missed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default=str(ROOT / "site"))
    ap.add_argument("--page", action="append", help="page path under the site (repeatable)")
    ap.add_argument("--json", help="write all summaries to this file")
    args = ap.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"{site}/index.html is missing: run `make site` first", file=sys.stderr)
        return 1
    httpd = serve(site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    results, ok = {}, True
    with tempfile.TemporaryDirectory() as tmp:
        for page in args.page or PAGES:
            s = summary(audit(base + page, Path(tmp) / "report.json"))
            results[page or "/"] = s
            line = " ".join(f"{c}={s['scores'][c]}" for c in CATEGORIES)
            print(f"{page or '/':32} {line}  transferred={s['bytes'] / 1024:.0f} KB  CLS={s['cls']:.3f}")
            for item in s["lost"]:
                print(f"    {item}")
            over = page in BUDGETS and s["bytes"] >= BUDGETS[page]
            ok = ok and not s["lost"] and min(s["scores"].values()) == 100 and not over and s["cls"] < 0.05
    httpd.shutdown()
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
