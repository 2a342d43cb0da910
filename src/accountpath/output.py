"""Write outputs atomically: a temp file beside the target, then rename, so a failure never
leaves a half-written file or destroys an earlier output. A new file gets the usual permissions
(0644 under umask 022), not the temp file's 0600; an existing file keeps its own mode (0600
stays 0600). An existing target that is not a regular file (a named pipe, a character device
such as /dev/null or /dev/stdout) is written into directly, never replaced by a regular file."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

TEMP_PREFIX = ".accountpath-"
"""Temp files are `.accountpath-XXXXXXXX.tmp`: short, so any valid target name still works."""


def _file_mode() -> int:
    """0666 minus the process umask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _existing(target: Path) -> os.stat_result | None:
    """The target's stat (following links), or None when there is none yet."""
    try:
        return target.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _write_special(target: Path, data: bytes) -> None:
    """Write into an existing pipe or device as it is (no temp file, no rename)."""
    with open(target, "wb", buffering=0) as fh:
        view = memoryview(data)
        while view:
            written = fh.write(view)
            view = view[written or 0 :]


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write `content` to `path` via a temp file in the same folder and os.replace; an existing
    pipe or device is written directly; an existing file keeps its mode."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    found = _existing(target)
    if found is not None and not stat.S_ISREG(found.st_mode) and not stat.S_ISDIR(found.st_mode):
        _write_special(target, data)
        return
    if target.is_symlink():  # replace the file the link points to, never the link itself
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(found.st_mode) if found is not None else _file_mode()
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
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
