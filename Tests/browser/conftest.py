"""Shared fixtures for browser tests: a headless Chromium (Debian's chromium + chromium-driver) driven by
selenium, and the bundled site built into a temporary folder and opened over file://."""
import contextlib
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SATCHEL = REPOSITORY / ".build" / "release" / "satchel"


@contextlib.contextmanager
def serving_bundled_copy(prefix):
    """Runs `satchel serve --port 0` (default host) over a temporary copy of the bundled content and themes;
    yields (process, port, project folder) once it listens, and stops it and removes the copy afterwards."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix=prefix))
    for name in ("content", "themes"):
        shutil.copytree(REPOSITORY / name, folder / name)
    binary = os.environ.get("SATCHEL", str(SATCHEL))
    process = subprocess.Popen([binary, "serve", "--port", "0"], cwd=folder, stdout=subprocess.PIPE, text=True)
    try:
        for line in process.stdout:
            match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                break
        else:
            pytest.fail("satchel serve stopped before it listened")
        yield process, int(match.group(1)), folder
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def site():
    """Builds the bundled content with the default theme; returns the output folder."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="satchel-browser-"))
    output = folder / "public"
    binary = os.environ.get("SATCHEL", str(SATCHEL))
    subprocess.run([binary, "build", "--quiet", "--output", str(output)], cwd=REPOSITORY, check=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    yield browser
    browser.quit()


@pytest.fixture
def open_page(driver, site):
    """Opens a page of the built site over file://, e.g. open_page("search/index.html?q=nylon")."""
    def open_(relative):
        # The driver is shared by the session: drop what earlier pages (e.g. a stopped preview server's
        # event stream) left in the console log, so each test sees only its own page's messages.
        driver.get_log("browser")
        driver.get((site / relative.split("?")[0]).as_uri() + ("?" + relative.split("?", 1)[1] if "?" in relative else ""))
        return driver
    return open_


STORED = "return JSON.stringify(Object.keys(localStorage).sort().map(function (k) { return [k, localStorage.getItem(k)] }))"


def _refresh(driver):
    # `driver.refresh()` alone can return while the old document is still current (seen with the long guide
    # page), so a script run next would read the old page: wait for a document without the old one's flag.
    driver.execute_script("window.__satchelBeforeReload = true")
    driver.refresh()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !window.__satchelBeforeReload && document.readyState === 'complete'"))


def reload(driver):
    """Reloads the page and returns once a new document has loaded that sees the localStorage the old one saw.
    Headless Chromium on file:// under load sometimes starts the new document with an older copy of the
    origin's storage (an earlier value, or none; 1 to 3 reloads in 100 with both cores busy), and the theme
    reads it while the page is parsed. What the old document stored is then written again and the page
    reloaded, so the page is always tested with the storage the test (or the page) left."""
    stored = driver.execute_script(STORED)
    for _ in range(5):
        _refresh(driver)
        if driver.execute_script(STORED) == stored:
            return
        driver.execute_script(
            "localStorage.clear(); JSON.parse(arguments[0]).forEach(function (e) { localStorage.setItem(e[0], e[1]) })",
            stored)
    pytest.fail(f"after five reloads the page still does not see the stored {stored}")


def follow(driver, link):
    """Clicks `link` and returns once the page it opens has loaded and sees the localStorage the old page saw.
    The new document can start with an older copy of the origin's storage, as after a reload (see `reload`):
    then what the old page stored is written again and the new page reloaded."""
    stored = driver.execute_script(STORED)
    driver.execute_script("window.__satchelBeforeReload = true")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !window.__satchelBeforeReload && document.readyState === 'complete'"))
    if driver.execute_script(STORED) != stored:
        driver.execute_script(
            "localStorage.clear(); JSON.parse(arguments[0]).forEach(function (e) { localStorage.setItem(e[0], e[1]) })",
            stored)
        reload(driver)


def console_errors(driver):
    """Severe browser console entries since the last call."""
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
