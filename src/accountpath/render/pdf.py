"""PDF from our own html (a scorecard, a plan's schedule, a report): an adapter, nothing imports it from core.

WeasyPrint renders the html (pip `weasyprint`, pinned in requirements.lock; it needs Debian's
pango, which `make venv` installs when missing). Where WeasyPrint cannot be imported (its
native libraries are missing), Chromium's headless print-to-PDF (/usr/bin/chromium) is the
fallback; `engine()` says which one is in use, and PdfError explains when neither is there.
The html is ours and self-contained: no external fetch is allowed while rendering.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, NoReturn

from accountpath.i18n import _

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_TIMEOUT_S = 120


class PdfError(RuntimeError):
    """No PDF engine is available, or the engine failed: the message says what to install."""


def _weasyprint() -> Any:  # the weasyprint module (untyped) or None
    """The weasyprint module, or None when it (or its native libraries) cannot be loaded."""
    try:
        import weasyprint  # heavy (pango via cffi): loaded only when a PDF is asked for
    except (ImportError, OSError):
        return None
    return weasyprint


def _chromium() -> str | None:
    found = os.environ.get("ACCOUNTPATH_CHROMIUM") or (
        CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    )
    return found if found and Path(found).exists() else None


def engine() -> str | None:
    """ "weasyprint", "chromium" or None: the engine html_to_pdf would use."""
    if _weasyprint() is not None:
        return "weasyprint"
    return "chromium" if _chromium() else None


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"external resource refused: {url}")


def html_to_pdf(html: str, engine_name: str | None = None) -> bytes:
    """The html as PDF bytes (A4 and margins come from the html's @page rule)."""
    chosen = engine_name or engine()
    if chosen == "weasyprint":
        weasyprint = _weasyprint()
        if weasyprint is None:
            raise PdfError(_("WeasyPrint не загружается: выполните `make venv` (он ставит weasyprint и pango)"))
        pdf: bytes = weasyprint.HTML(string=html, url_fetcher=_no_fetch).write_pdf()
        return pdf
    if chosen == "chromium":
        return _chromium_pdf(html)
    raise PdfError(_("нет средства для PDF: выполните `make venv` (WeasyPrint) или установите chromium"))


def _chromium_pdf(html: str) -> bytes:
    import subprocess  # only this fallback runs a program: the CLI does not pay for it at start-up

    binary = _chromium()
    if binary is None:
        raise PdfError(_("chromium не найден: установите его (`make chromium`) или WeasyPrint (`make venv`)"))
    with tempfile.TemporaryDirectory(prefix="accountpath-pdf-") as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(html, encoding="utf-8")
        cmd = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=CHROMIUM_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(_("chromium не смог напечатать PDF: {error}").format(error=exc)) from exc
        if not out.exists():
            raise PdfError(
                _("chromium не смог напечатать PDF: {error}").format(
                    error=done.stderr.decode("utf-8", "replace").strip()[-300:]
                )
            )
        return out.read_bytes()
