"""Reading the YAML data that ships with aiact (question texts, memo wording).

That data is ours, not the user's, so it skips the hardened loader of
:mod:`aiact.engine.loading`; it is read with libyaml's safe loader where
PyYAML has it, because the pure-Python parser alone costs a noticeable part
of every `aiact check` start-up.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_bundled_yaml(text: str) -> Any:
    """Parse bundled YAML safely (no tags), as fast as the installed PyYAML allows."""
    return yaml.load(text, Loader=_SAFE_LOADER)
