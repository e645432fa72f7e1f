"""Writing a file the way a user expects: all or nothing, with the user's usual permissions.

Every file aiact writes for a person (a memo, its HTML page, an interview's
fact file) goes through :func:`write_atomically`. The text is written to a
new file beside the target and renamed over it, so a reader sees the old
file or the complete new one, never half of it. The new file is created with
mode 0666 filtered by the process umask, as ``open()`` would, so it comes out
0644 under the usual umask and can be shared; ``tempfile.mkstemp`` would make
it 0600, readable by its owner only.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

_ATTEMPTS = 100


def write_atomically(out: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``out`` through a temporary file in its folder, then rename."""
    descriptor, temporary = _create_beside(out)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_beside(out: Path) -> tuple[int, Path]:
    """A new, exclusively created file next to ``out``; the kernel applies the umask to mode 0666."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        temporary = out.parent / f".{out.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {out}")
