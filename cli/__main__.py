"""``python -m aiact``."""

from aiact.main import main

main()
