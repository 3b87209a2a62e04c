"""`satchel serve` in a real browser: an edit reloads the open page; a content error keeps the page and shows
the errors over it (as text, never as HTML); fixing the error clears them and reloads."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, SATCHEL, console_errors


@pytest.fixture
def served():
    """Serves a copy of the bundled content on a free port; yields (base URL, project folder)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="satchel-serve-"))
    for name in ("content", "themes"):
        shutil.copytree(REPOSITORY / name, folder / name)
    binary = os.environ.get("SATCHEL", str(SATCHEL))
    server = subprocess.Popen([binary, "serve", "--port", "0"], cwd=folder, stdout=subprocess.PIPE, text=True)
    try:
        for line in server.stdout:
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if match:
                break
        else:
            pytest.fail("satchel serve stopped before it listened")
        yield match.group(1), folder
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


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
