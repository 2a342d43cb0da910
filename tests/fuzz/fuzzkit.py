"""Shared helpers of the fuzz lane (not a conftest: tests/conftest.py is imported by name).

Generators of hostile inputs for the fuzz lane (issue 16): small code, no stored megabytes.

Each generator starts from a file the project itself writes (a blank xlsx card, a blank round
workbook) and edits the sheet XML inside the zip: a cell at the far corner, a million junk rows,
a sheet that unpacks to gigabytes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
TIME_LIMIT = 15.0
"""Generous: the runs take 1-3 s (the issue asks under 5 s); a loaded test machine must not flake."""


@dataclass
class Run:
    """One CLI run in a child process: exit code, output, wall time."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(*args: object, env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """`python -m accountpath --model mini.yml ARGS` with a generous timeout (not a benchmark)."""
    import os

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "accountpath", "--model", str(MINI), *map(str, args)],
        capture_output=True,
        encoding="utf-8",
        errors="replace",  # a cp1251 run prints cp1251 bytes
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )
    return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def _sheet_path(data: bytes, title: str) -> str:
    """The zip member of the sheet called `title`."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet[^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', book)
    assert rid, title
    target = re.search(rf'<Relationship[^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target
    name = target.group(1).lstrip("/")
    return name if name.startswith("xl/") else "xl/" + name


def edit_sheet(data: bytes, title: str, edit: Callable[[bytes], bytes | Iterator[bytes]]) -> bytes:
    """The xlsx with the sheet `title` rewritten by `edit` (bytes, or chunks streamed into the zip)."""
    member = _sheet_path(data, title)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename != member:
                dst.writestr(info, content)
                continue
            new = edit(content)
            if isinstance(new, bytes):
                dst.writestr(info.filename, new)
            else:
                with dst.open(info.filename, "w", force_zip64=True) as fh:
                    for chunk in new:
                        fh.write(chunk)
    return out.getvalue()


def before_sheet_data_end(xml: bytes, extra: bytes) -> bytes:
    """Insert rows before </sheetData> (rows must stay in order: append after the last)."""
    return xml.replace(b"</sheetData>", extra + b"</sheetData>", 1)


def blank_card(folder: Path) -> bytes:
    """A blank xlsx card of mini.yml (account-manager, junior)."""
    out = folder / "blank-card.xlsx"
    r = run_cli("scorecard", "--role", "account-manager", "--level", "junior", "-o", out)
    assert r.returncode == 0, r.stderr
    return out.read_bytes()


def blank_round(folder: Path) -> bytes:
    """A blank round workbook of mini.yml (account-manager, junior)."""
    out = folder / "blank-round.xlsx"
    r = run_cli("workbook", "--role", "account-manager", "--level", "junior", "-o", out)
    assert r.returncode == 0, r.stderr
    return out.read_bytes()
