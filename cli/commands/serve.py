"""``aiact serve``: the interview, the memo and the inventory in a browser (the ``web`` extra).

Loopback only unless told otherwise: the server has no login, so anyone who
can reach the address can read and change the assessments; binding anywhere
else prints a warning. The web libraries are imported only here, so no other
command pays for them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from aiact import DISCLAIMER


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines in (there is no login).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--data", "data", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of the assessments (fact files); default: aiact/assessments in your data directory.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another host name the server may be reached by (repeatable), e.g. a machine name "
                   "when --host is 0.0.0.0. Requests naming any other host are refused.")
def command(host: str, port: int, data: Path | None, allow_hosts: tuple[str, ...]) -> None:
    """Serve the assessments in a browser: interview, memo, what-if and inventory.

    Every assessment is a fact file in the data folder, so aiact check and
    aiact memo read what the browser wrote. Stop the server with Ctrl-C.
    """
    try:
        import uvicorn

        from aiact.web.app import create_app
        from aiact.web.folder import DataFolder, default_folder
        from aiact.web.guard import allowed_hosts, is_loopback
    except ImportError as err:
        click.echo(f"aiact serve needs the web extra ({err.name} is missing): pip install 'aiact[web]'", err=True)
        sys.exit(2)
    from aiact import default_engine

    try:
        folder = DataFolder(data or default_folder())
    except OSError as err:
        click.echo(f"{data or default_folder()}: cannot use this folder: {err.strerror or err}", err=True)
        sys.exit(2)
    if not is_loopback(host):
        click.echo(f"warning: listening on {host}, not on loopback: anyone who can reach this address can read "
                   "and change the assessments (there is no login).", err=True)
    default_engine()  # compile the rule base before the first page, not during it
    shown = f"[{host}]" if ":" in host else host
    app = create_app(folder, allowed_hosts(host, port, allow_hosts), warm_up=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
    server = uvicorn.Server(config)
    click.echo(f"aiact serve: assessments in {folder.root}")
    click.echo(f"Open http://{'localhost' if is_loopback(host) else shown}:{port}/ (Ctrl-C stops the server).")
    click.echo(DISCLAIMER)
    server.run()
