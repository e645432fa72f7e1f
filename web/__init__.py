"""``aiact serve``: the interview, the memo and an AI inventory in the browser.

A front door like the command line, and like it holding no law: every page
calls the same engine, question flow, answer parser, memo and ``aiact check``
per-file function. Install it with the ``web`` extra (``pip install -e ".[web]"``).
"""
