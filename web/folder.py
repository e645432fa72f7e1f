"""The data folder: where the browser's assessments live, as ordinary fact files.

Every assessment is one fact file directly in the folder, so ``aiact check``,
``aiact memo``, a diff or a commit read what the browser wrote, unchanged. A
name from a URL or a form is used only after it has matched a narrow pattern
(letters, digits, ``-`` and ``_``, then a fact-file suffix) *and* the path it
makes still lies directly in the folder once resolved: a name can never reach
a file elsewhere, whatever ``..``, slashes, encodings or symbolic links it holds.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from aiact.engine.loading import SUFFIXES

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.(?:yaml|yml|json)$")
"""An assessment's file name as it may appear in a URL."""


class NoSuchAssessment(LookupError):
    """A name that is not (or cannot be) an assessment in the data folder."""


def default_folder() -> Path:
    """The user's data directory for aiact (XDG on Linux, the platform's usual place elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "aiact" / "assessments"


class DataFolder:
    """The folder of fact files the web front door reads and writes."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()

    def path(self, name: str) -> Path:
        """The file of the assessment called ``name``; :class:`NoSuchAssessment` unless it is safe and exists."""
        target = self.place(name)
        if not target.is_file():
            raise NoSuchAssessment(name)
        return target

    def place(self, name: str) -> Path:
        """Where an assessment called ``name`` lives (it need not exist yet), refusing any name that escapes."""
        if not NAME.match(name):
            raise NoSuchAssessment(name)
        target = (self.root / name).resolve()
        if target.parent != self.root:
            raise NoSuchAssessment(name)
        return target

    def names(self) -> list[str]:
        """Every assessment's file name, sorted."""
        return sorted(
            entry.name for entry in self.root.iterdir()
            if NAME.match(entry.name) and entry.is_file()
        )

    def new_name(self, wanted: str, suffix: str = ".yaml") -> str:
        """A free file name made from ``wanted`` (a subject's name or an uploaded file's stem)."""
        if suffix.lower() not in SUFFIXES:
            suffix = ".yaml"
        stem = slug(wanted) or "assessment"
        candidate, number = f"{stem}{suffix.lower()}", 2
        while (self.root / candidate).exists():
            candidate, number = f"{stem}-{number}{suffix.lower()}", number + 1
        return candidate


def slug(text: str) -> str:
    """Lower-case letters, digits and single hyphens, at most 60 characters (``Berlin CV`` -> ``berlin-cv``)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")
