"""Write outputs atomically: a temp file beside the target, then rename, so a failure never
leaves a half-written file or destroys an earlier output. Files get the usual permissions
(0644 under umask 022), not the temp file's 0600."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _file_mode() -> int:
    """0666 minus the process umask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write `content` to `path` via a temp file in the same folder and os.replace."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.exists() and not target.is_file():  # /dev/null, a FIFO: write into it, never replace the node
        with open(target, "wb") as fh:
            fh.write(data)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_tree(root: str | Path, files: Mapping[str, str | bytes]) -> None:
    """Write {relative path: content} under root, each file atomically."""
    base = Path(root)
    for rel, content in sorted(files.items()):
        write_atomic(base / rel, content)


def emit(content: str | bytes, path: str | None) -> None:
    """To a file (atomically) when a path is given, else to stdout."""
    if path:
        write_atomic(path, content)
    elif isinstance(content, bytes):
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        sys.stdout.write(content)
        sys.stdout.flush()
