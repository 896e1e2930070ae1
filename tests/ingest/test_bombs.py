"""Hostile workbooks on the CLI and the web: a clear bilingual refusal in seconds, memory bounded.

Each file is imported by `chiso import` in a child process (its peak resident memory and CPU
time read from wait4) and uploaded to `chiso serve` in another (memory read from /proc while
it keeps serving). Before these limits, the multi-GB sheet made the CLI allocate 10 GB and the
3.4-million-row sheet took the server from 190 MB to 5.9 GB.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from . import bombs
from .files import LONG_HEADER, write_xlsx
from .watch import CHISO, Server, chiso, run_watched

MEMORY_MB = 500  # resident memory the importing process may reach
CPU_S = 5.0  # CPU time a refusal may take
PASSWORD = "mật-khẩu-đủ-dài-1"

BOMBS: dict[str, tuple[Callable[[Path], Path], str]] = {
    # 9.6 MB whose sheet unpacks to 3.9 GB (ratio ~400)
    "huge": (bombs.huge_sheet, "unpacks to 3,719.3 MiB, over the limit"),
    # the same, its zip entry claiming 4 KB
    "lying": (bombs.lying_sheet, "is damaged"),
    # 14 MB, a 90 MB sheet of 3.4 million one-cell rows (ratio ~7, under any ratio limit)
    "many": (bombs.many_rows, "more than 500,000 rows, over the limit"),
    # the same rows, the sheet declaring its true dimension
    "declared": (lambda p: bombs.many_rows(p, dimension=True), "by its declared dimension"),
    # XML cut in the middle of a cell
    "cut": (bombs.cut_short, "damaged or cut short"),
    # two cells at A1 and XFD1048576
    "corners": (bombs.sparse_corners, "over the limit"),
}


@pytest.fixture(scope="module")
def bomb_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("bombs")
    return {name: make(where / f"{name}.xlsx") for name, (make, _msg) in BOMBS.items()}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory made by `chiso init`, with an editor for Hà Nội."""
    d = tmp_path_factory.mktemp("data")
    chiso("init", "--data-dir", str(d))
    chiso("users", "add", "editor", "--role", "province_editor", "--unit", "vn34-01",
          "--password-stdin", "--data-dir", str(d), stdin=PASSWORD + "\n")
    return d


@pytest.mark.slow
@pytest.mark.parametrize("name", list(BOMBS))
def test_cli_import_refuses_a_hostile_workbook_in_bounded_memory(
        name: str, bomb_files: dict[str, Path], data_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "loi.csv"
    w = run_watched([*CHISO, "import", str(bomb_files[name]), "--data-dir", str(data_dir),
                     "--report", str(report)])
    assert not w.killed, f"killed at the ceiling: peak {w.peak_mb:.0f} MB"
    assert w.returncode == 1, w.stderr
    assert "DataFileError" in w.stderr and "Traceback" not in w.stderr
    assert BOMBS[name][1] in _plain(w.stderr), w.stderr
    assert "Không đọc được tệp" in w.stderr  # and in Vietnamese
    assert w.peak_mb < MEMORY_MB, f"peak {w.peak_mb:.0f} MB"
    assert w.cpu_s < CPU_S, f"{w.cpu_s:.1f} s of CPU"
    assert report.stat().st_size < 10_000
    print(f"{name}: peak {w.peak_mb:.0f} MB, CPU {w.cpu_s:.2f} s, wall {w.wall_s:.2f} s")


class Browser:
    """An editor's session against the served app: cookies kept by hand (they are Secure,
    and the test server speaks plain HTTP on 127.0.0.1)."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=120, follow_redirects=False)
        self.cookies: dict[str, str] = {}

    def _keep(self, r: httpx.Response) -> httpx.Response:
        for header in r.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return r

    def _headers(self) -> dict[str, str]:
        return {"cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def get(self, path: str) -> httpx.Response:
        return self._keep(self.http.get(path, headers=self._headers()))

    def post(self, path: str, **kw: object) -> httpx.Response:
        return self._keep(self.http.post(path, headers=self._headers(), **kw))  # type: ignore[arg-type]

    def sign_in(self) -> str:
        token = _csrf(self.get("/login").text)
        r = self.post("/login", data={"username": "editor", "password": PASSWORD,
                                      "csrf_token": token, "next": "/account"})
        assert r.status_code == 303, r.text[:300]
        return _csrf(self.get("/account").text)


@pytest.fixture(scope="module")
def served(data_dir: Path) -> Iterator[Server]:
    server = Server(data_dir)
    yield server
    server.stop()


@pytest.mark.slow
def test_web_upload_refuses_bombs_and_the_server_memory_returns_to_baseline(
        served: Server, bomb_files: dict[str, Path], tmp_path: Path) -> None:
    browser = Browser(served.url)
    token = browser.sign_in()
    url = "/entry/chiso-core/2024/vn34-01/xlsx"

    def upload(name: str, data: bytes) -> httpx.Response:
        return browser.post(url, data={"csrf_token": token, "version": "0"},
                            files={"file": (name, data, "application/octet-stream")})

    good = write_xlsx(tmp_path / "mau.xlsx", {"Dọc": [
        LONG_HEADER, ["Hà Nội", "fiber_households_share", "2024", "actual", 70.8]]})
    warm = upload("mau.xlsx", good.read_bytes())  # loads what any upload needs
    assert warm.status_code == 200, warm.text[:500]
    assert "Đã nhập 1 chỉ tiêu" in warm.text, warm.text[:2000]
    baseline = served.rss_mb()
    figures = []
    for name, path in bomb_files.items():
        served.reset_peak()
        cpu = served.cpu_s()
        r = upload(f"{name}.xlsx", path.read_bytes())
        assert not served.killed.is_set(), f"{name}: the server passed the ceiling"
        used = served.cpu_s() - cpu
        peak = served.peak_mb()
        figures.append(f"{name}: peak {peak:.0f} MB, CPU {used:.2f} s")
        assert r.status_code in (400, 422), (name, r.status_code, r.text[:300])
        assert "Không đọc được tệp" in r.text, (name, r.text[:500])
        assert peak < MEMORY_MB, figures
        assert used < CPU_S, figures
    after = served.rss_mb()
    print(f"baseline {baseline:.0f} MB, after {after:.0f} MB; " + "; ".join(figures))
    assert after - baseline < 50, (baseline, after, figures)


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, html[:300]
    return m.group(1)


def _plain(text: str) -> str:
    """The CLI's output without rich's line wrapping."""
    return " ".join(text.split())
