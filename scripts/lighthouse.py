"""Lighthouse (desktop) on the tool pages of a built site, served with text compression as any
static host serves it: a small gzip static server on 127.0.0.1, Debian's chromium, the four
category scores and the CLS of each page.

    python scripts/lighthouse.py [SITE_DIR] [--lighthouse PATH] [--page tools/evaluator/ ...]

SITE_DIR defaults to ./site (run `make site` first). Lighthouse is not a dependency of the
project: install it anywhere (`npm install --prefix /tmp/lh lighthouse`) and pass its CLI
(`/tmp/lh/node_modules/.bin/lighthouse`) with --lighthouse or the LIGHTHOUSE variable.
Exits 1 when a page scores under 100 in a category or its CLS is 0.05 or more.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PAGES = ("tools/evaluator/", "tools/self-assessment/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml")
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml",
         ".css": "text/css", ".html": "text/html; charset=utf-8"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip when the client accepts it; long cache for assets."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        body = path.read_bytes()
        gz = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix) or self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=31536000" if "/assets/" in self.path else "no-cache")
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    """A gzip static server of root on 127.0.0.1:<free port>, running in a daemon thread."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def audit(lighthouse: str, url: str) -> dict:
    """{category: score 0-100, "cls": value} of one page (desktop preset)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [lighthouse, url, "--preset=desktop", "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-path={os.environ.get('CHROME_PATH', CHROMIUM)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
               f"--only-categories={','.join(CATEGORIES)}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        if not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["failed"] = [a["id"] for c in CATEGORIES for a in report["categories"][c]["auditRefs"]
                        if a["weight"] and (report["audits"][a["id"]]["score"] or 0) < 1]
    return scores


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE", "lighthouse"))
    parser.add_argument("--page", action="append", dest="pages")
    args = parser.parse_args(argv)
    httpd = serve(Path(args.site))
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    ok = True
    try:
        for page in args.pages or PAGES:
            s = audit(args.lighthouse, base + page)
            line = "  ".join(f"{c} {s[c]}" for c in CATEGORIES)
            print(f"{page:<24} {line}  CLS {s['cls']:.3f}" + (f"  failing: {', '.join(s['failed'])}" if s["failed"] else ""))
            ok = ok and all(s[c] == 100 for c in CATEGORIES) and s["cls"] < 0.05
    finally:
        httpd.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
