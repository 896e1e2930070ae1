"""Every `chiso ...` command that a page, the README or the docs tell a user to run exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chiso.cli import app

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PAGES = sorted((ROOT / "src" / "chiso" / "web" / "templates").rglob("*.html"))
MESSAGES = sorted((ROOT / "src" / "chiso").rglob("*.py"))
# where a command is given to be run: code in Markdown, <code> in pages, "Run: chiso ..." in
# messages
IN_CODE = re.compile(r"`([^`\n]*)`|^(?:    |\t|\$ )(chiso [^\n]*)$", re.MULTILINE)
IN_HTML = re.compile(r"<code>([^<]*)</code>")
IN_MESSAGE = re.compile(r"(?:[Rr]un|chạy|[Ss]ee|Xem|[Uu]se|dùng|[Tt]ry|thử): +"
                        r"`?(chiso [a-z][^\"'\n.,;)`]*)|`(chiso [^`\n]*)`")
COMMAND = re.compile(r"\bchiso ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?")
FENCE = re.compile(r"```(?:sh|bash|console)?\n(.*?)```", re.DOTALL)


def _commands(text: str) -> set[str]:
    out = set()
    for m in COMMAND.finditer(text):
        out.add(" ".join(w for w in m.groups() if w))
    return out


def mentioned() -> list[str]:
    found: set[str] = set()
    for path in DOCS:
        text = path.read_text("utf-8")
        for block in FENCE.findall(text):
            found |= _commands(block)
        for m in IN_CODE.finditer(FENCE.sub("", text)):
            found |= _commands(m.group(1) or m.group(2) or "")
    for path in PAGES:
        for m in IN_HTML.finditer(path.read_text("utf-8")):
            found |= _commands(m.group(1))
    for path in MESSAGES:
        for m in IN_MESSAGE.finditer(path.read_text("utf-8")):
            found |= _commands(m.group(1) or m.group(2))
    return sorted(found)


def test_the_search_finds_what_pages_and_docs_ask_for() -> None:
    found = mentioned()
    assert {"demo", "init", "index rebuild", "users add", "import"} <= set(found)


@pytest.mark.parametrize("command", mentioned())
def test_a_documented_command_exists(command: str) -> None:
    words = command.split()
    r = CliRunner().invoke(app, [*words, "--help"])
    if r.exit_code != 0 and len(words) == 2:  # the second word was an argument, not a command
        r = CliRunner().invoke(app, [words[0], "--help"])
    assert r.exit_code == 0, f"`chiso {command}` is mentioned but does not exist: {r.output}"
