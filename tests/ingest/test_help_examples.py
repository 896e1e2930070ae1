"""The examples in `chiso export --help` return data on the demo's database (an example that
silently returns nothing, like `--indicator dti_total` did, fails here)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chiso.cli import app
from chiso.cli.data import export
from chiso.demo.load import load_demo
from chiso.settings import Settings
from chiso.workspace import Workspace


def _examples(command: str) -> list[list[str]]:
    """The examples as `--help` prints them (the command's docstring, which it shows)."""
    doc = export.__doc__ or ""
    assert "Examples:" in doc and "Examples:" in CliRunner().invoke(app, [command, "--help"]).output
    return [shlex.split(m.group(1)) for m in re.finditer(rf"^\s*(chiso {command} .*)$", doc,
                                                          re.MULTILINE)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    load_demo(Workspace(Settings(data_dir=folder)), runs=10)
    return folder


def test_the_help_has_examples() -> None:
    assert len(_examples("export")) >= 3


@pytest.mark.parametrize("example", _examples("export"), ids=" ".join)
def test_each_export_example_returns_figures(example: list[str], demo: Path,
                                             tmp_path: Path) -> None:
    args = example[1:]
    if "--out" in args:
        i = args.index("--out") + 1
        args[i] = str(tmp_path / Path(args[i]).name)
    result = CliRunner().invoke(app, [*args, "--data-dir", str(demo)])
    assert result.exit_code == 0, result.output
    if "--out" in args:
        assert "exported 0 " not in result.output and "/ exported" in result.output, result.output
    else:
        assert len(result.output.strip().splitlines()) >= 2, result.output
