"""On a phone (390 × 844, Chromium): no public page is wider than the screen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = ["/", "/province", "/province/vn34-86", "/indicator", "/indicator/dti_score",
         "/compare", "/methodology", "/downloads", "/changelog", "/login", "/search?q=ben+tre"]


@pytest.fixture(scope="module")
def server(app: Any, serving: Any) -> Iterator[str]:
    with serving(app) as url:
        yield url


def overflow(pg: Any) -> list[str]:
    """The elements that stick out past the right edge of the screen (none on a good page)."""
    return pg.evaluate("""() => {
        const w = document.documentElement.clientWidth, out = [];
        if (document.documentElement.scrollWidth > w)
            out.push('page ' + document.documentElement.scrollWidth);
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > w + 1 && !el.closest('.table-scroll, .chart, pre')) {
                out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
            }
        }
        return out.slice(0, 8);
    }""")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_public_page_is_wider_than_a_phone(page: Any, server: str, path: str,
                                              lang: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    page.wait_for_load_state("load")
    got = overflow(page)
    assert got == [], (path, got)
