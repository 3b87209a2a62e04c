"""`satchel serve` in a real browser: an edit reloads the open page; a content error keeps the page and shows
the errors over it (as text, never as HTML); fixing the error clears them and reloads."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors, serving_bundled_copy


@pytest.fixture
def served():
    """Serves a copy of the bundled content on a free port; yields (base URL, project folder)."""
    with serving_bundled_copy("satchel-serve-") as (_, port, folder):
        yield f"http://127.0.0.1:{port}/", folder


def test_edit_error_and_fix_in_an_open_page(driver, served):
    base, folder = served
    page = folder / "content" / "materials" / "nylon.md"
    original = page.read_text()
    driver.get(base + "materials/nylon.html")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nylon"
    wait = WebDriverWait(driver, 20)

    driver.execute_script("window.satchelTestMark = 1")
    page.write_text(original.replace("cost_tier: Medium to High", "cost_tier: <b>Premium</b>"))
    overlay = wait.until(lambda d: d.find_elements(By.ID, "satchel-errors"))[0]
    assert "content/materials/nylon.md:" in overlay.text
    assert "<b>Premium</b>" in overlay.text
    assert overlay.find_elements(By.TAG_NAME, "b") == []
    # Still the last good page: it was not reloaded.
    assert driver.execute_script("return window.satchelTestMark") == 1
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nylon"

    page.write_text(original)
    wait.until(lambda d: d.execute_script("return window.satchelTestMark") is None)
    assert driver.find_elements(By.ID, "satchel-errors") == []

    page.write_text(original.replace("title: Nylon", "title: Nylon 6,6"))
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Nylon 6,6")
    # The site has no favicon; the browser asks for one anyway.
    assert [entry for entry in console_errors(driver) if "/favicon.ico " not in entry["message"]] == []
