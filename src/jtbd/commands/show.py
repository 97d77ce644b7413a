"""Show commands: ``report`` (a self-contained HTML file, optionally PDF) and ``serve`` (the local
web app)."""
from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

import typer

from jtbd.commands import common
from jtbd.commands.common import console, err_console, handle_errors

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("serve")(serve)


def report(
    ctx: typer.Context,
    out: Path = typer.Option(None, "--out", "-o", help="HTML file to write (default: STUDY/report.html)."),
    pdf: bool = typer.Option(False, "--pdf", help="Also print a PDF next to it (needs Playwright and chromium)."),
) -> None:
    """Write the study report: one self-contained HTML file that works offline (jobs, job stories,
    forces, timelines, competition, job map, outcomes, opportunity landscape, segments)."""
    from jtbd.report import write_report
    from jtbd.services import open_workbench

    with handle_errors():
        wb = open_workbench(common.state(ctx))
        target = out or wb.path / "report.html"
        written = write_report(wb, target, pdf=pdf)
        if pdf:
            console.print(f"Wrote {target.with_suffix('.html')} and {written}")
        else:
            console.print(f"Wrote {written}")


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this computer only)."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    open_browser: bool = typer.Option(True, "--open/--no-open", help="Open the app in a browser."),
    actor: str = typer.Option("analyst", "--as", help="Name recorded on your code reviews and edits."),
) -> None:
    """Run the local web app: browse documents, review AI codes, edit job stories and outcomes,
    explore the synthesis and survey results. Stop it with Ctrl+C."""
    import uvicorn

    from jtbd.services import open_workbench
    from jtbd.web import create_app

    with handle_errors():
        state = common.state(ctx)
        wb = open_workbench(state)  # fail fast on a missing study
    _check_port_free(host, port)
    if host not in LOCAL_HOSTS:
        err_console.print(f"[yellow]warning:[/] binding to {host}: anyone who can reach this address can read "
                          "and edit the study. There is no login; use 127.0.0.1 unless you trust the network.")
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    console.print(f"Serving [bold]{wb.config.name}[/] at {url} (Ctrl+C to stop)")
    if open_browser:
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    hosts = ["*"] if host in ("0.0.0.0", "::") else sorted({host, "127.0.0.1", "localhost"})
    uvicorn.run(create_app(lambda: wb, actor=actor, allowed_hosts=hosts), host=host, port=port, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    """Say clearly, before starting, when the port is taken or the address cannot be used."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        err_console.print(f"[bold red]error:[/] cannot use --host {host}: {exc.strerror}")
        raise typer.Exit(2) from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(addr)
        except OSError as exc:
            err_console.print(f"[bold red]error:[/] cannot listen on {host}:{port} ({exc.strerror}); "
                              f"is jtbd serve already running? Pick another port with --port {port + 1}")
            raise typer.Exit(2) from None
