"""An uploaded fact file: checked exactly as ``aiact check`` checks a file, then kept in the data folder.

The bytes are written to a private temporary folder under the uploaded
file's own (sanitised) name and checked there by ``aiact check``'s per-file
function, so the upload meets the same size limit, the same refusal of YAML
tags, alias bombs, deep nesting and duplicate keys, and the same validation,
and its problems read exactly as ``aiact check NAME`` prints them (the
temporary folder is not shown). Only a valid file reaches the data folder,
byte for byte as uploaded.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path, PurePath

from aiact.batch import Task, check_one
from aiact.engine import FactFileError
from aiact.engine.files import write_atomically
from aiact.engine.loading import MAX_BYTES
from aiact.engine.record import record

from .folder import DataFolder, slug


@record
class Uploaded:
    """The outcome of an upload: the assessment's file name, or the problems (one line each)."""

    name: str = ""
    problems: tuple[str, ...] = ()


def shown_name(filename: str) -> str:
    """The uploaded file's own name, without any folder a browser may send (``C:\\x\\a.yaml`` -> ``a.yaml``)."""
    base = PurePath(filename.replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    safe = (slug(stem) or "upload") if dot else (slug(base) or "upload")
    return f"{safe}.{suffix.lower()}" if dot and suffix.isalnum() else safe


CARD_SUFFIX = ".md"


def check_upload(folder: DataFolder, filename: str, data: bytes) -> Uploaded:
    """Check the uploaded bytes as ``aiact check`` would; keep them in the folder when they are valid.

    A Markdown file is read as a Hugging Face model card instead (``aiact init --from-model-card``):
    the facts it settles, each with its source, start a new assessment.
    """
    name = shown_name(filename)
    if name.lower().endswith(CARD_SUFFIX):
        return _from_card(folder, name, data)
    if len(data) > MAX_BYTES:
        return Uploaded(problems=(f"{name}: the file is larger than 1 MiB; fact files are small",))
    with tempfile.TemporaryDirectory(prefix="aiact-upload-") as scratch:
        target = Path(scratch) / name
        target.write_bytes(data)
        checked = check_one(Task(str(target), "json", today=date.today()))
        prefix = f"{scratch}/"
        if checked.problems:
            return Uploaded(problems=tuple(line.removeprefix(prefix) for line in checked.problems))
        if checked.internal_error:
            return Uploaded(problems=(checked.internal_error.removeprefix(prefix),))
    kept = folder.new_name(PurePath(name).stem, PurePath(name).suffix)
    write_atomically(folder.place(kept), data.decode("utf-8-sig"))
    return Uploaded(name=kept)


def _from_card(folder: DataFolder, name: str, data: bytes) -> Uploaded:
    """A fact file from an uploaded model card, as ``aiact init --from-model-card CARD`` writes it."""
    from aiact.questionnaires.cardfacts import card_facts, fact_file_text
    from aiact.questionnaires.modelcard import read_card

    if len(data) > MAX_BYTES:
        return Uploaded(problems=(f"{name}: the file is larger than 1 MiB; model cards are small",))
    with tempfile.TemporaryDirectory(prefix="aiact-upload-") as scratch:
        target = Path(scratch) / name
        target.write_bytes(data)
        try:
            facts = card_facts(read_card(target))
        except FactFileError as err:
            return Uploaded(problems=tuple(line.removeprefix(f"{scratch}/") for line in err.problems))
    subject = facts.document.get("subject")
    title = str(subject.get("name", "")) if isinstance(subject, dict) else ""
    kept = folder.new_name(title or PurePath(name).stem)
    write_atomically(folder.place(kept), fact_file_text(facts, card=name))
    return Uploaded(name=kept)
