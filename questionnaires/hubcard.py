"""Fetching a model card from the Hugging Face Hub (``aiact init --hub-id ORG/NAME``), optionally.

``huggingface_hub`` is an optional extra (``pip install 'aiact[hub]'``): the
rest of aiact works offline and never needs it. Any failure (the package
missing, no network, a private, gated or unknown repository) is one line
that says what to do instead: download the card and give its path.
"""

from __future__ import annotations

import re
from pathlib import Path

from aiact.engine import FactFileError

REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
SOURCE = "--hub-id"
INSTEAD = "save the card's README.md and give --from-model-card PATH"


def fetch_card(repo_id: str) -> Path:
    """The local path of the repository's README.md, downloaded by huggingface_hub (or FactFileError)."""
    if not REPO_ID.match(repo_id):
        raise FactFileError(SOURCE, [f"{repo_id!r} is not a model id; write ORG/NAME, e.g. mistralai/Mistral-7B-v0.1"])
    try:
        from huggingface_hub import hf_hub_download
    except ImportError:
        raise FactFileError(SOURCE, [
            f"needs the optional package huggingface_hub (pip install 'aiact[hub]'), which is not installed; "
            f"or {INSTEAD}"
        ]) from None
    try:
        return Path(hf_hub_download(repo_id=repo_id, filename="README.md"))
    except Exception as err:  # network, HTTP, gated, missing repository: all the same advice
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise FactFileError(SOURCE, [
            f"could not fetch the model card of {repo_id} from the Hugging Face Hub ({type(err).__name__}: "
            f"{reason}); offline? {INSTEAD}"
        ]) from None
