"""The search box: provinces, communes and indicators, without diacritics, old names explained."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_an_old_province_finds_the_new_one_with_the_merger_explained(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Ben Tre"})
    assert r.status_code == 200
    assert "tỉnh cũ, đến 30/6/2025" in r.text
    assert "hợp nhất với" in r.text and "Vĩnh Long" in r.text and "Trà Vinh" in r.text
    assert 'href="/province/vn34-86"' in r.text


def test_indicators_are_found_without_diacritics_in_either_language(client: TestClient) -> None:
    vi = client.get("/search", params={"q": "cap quang"}).text
    assert "Tỷ lệ hộ gia đình" in vi and 'data-testid="hits-indicators"' in vi
    en = client.get("/search", params={"q": "fibre", "lang": "en"}).text
    assert 'data-testid="hits-indicators"' in en


def test_every_page_has_the_search_box_and_the_changelog_in_its_navigation(
        client: TestClient) -> None:
    for path in ("/", "/downloads", "/search", "/changelog"):
        text = client.get(path).text
        assert 'role="search"' in text and 'href="/changelog"' in text, path
    assert client.get("/search", params={"q": "x" * 101}).status_code == 422
    empty = client.get("/search", params={"q": "zzzzqqq"}).text
    assert "0 kết quả" in empty
