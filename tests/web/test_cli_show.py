

def test_serve_says_when_the_port_is_taken(tmp_path) -> None:
    import socket

    from typer.testing import CliRunner

    from jtbd.cli import app
    from jtbd.services import init_study

    init_study(tmp_path / "s").close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = CliRunner().invoke(app, ["--study", str(tmp_path / "s"), "serve", "--port", str(port), "--no-open"])
    assert r.exit_code == 2
    assert f"127.0.0.1:{port}" in r.output and "--port" in r.output
