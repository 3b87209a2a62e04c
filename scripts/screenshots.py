#!/usr/bin/env python3
"""Captures the default theme's main pages in headless Chromium (selenium), in light and dark, at desktop
(1280 px) and phone (390 px) widths, into docs/screenshots/*.png (see README, "Theme").

Usage: scripts/screenshots.py [--satchel .build/release/satchel] [--output docs/screenshots]
The bundled site is built into a temporary folder and opened over file://. A page that the build does not
produce (the catalog map belongs to a feature that may not be merged yet) is skipped with a message.
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]

# name, page, widths, what to wait for (CSS selector) before capturing
SHOTS = [
    ("home", "index.html", (1280, 390), None),
    ("entity", "materials/nylon.html", (1280, 390), None),
    ("listing", "materials/index.html", (1280,), None),
    ("compare", "materials/compare/index.html", (1280, 390), ".compare-table"),
    ("guide", "guides/sourcing-checklist.html", (1280,), None),
    ("search", "search/index.html?q=nylon", (1280, 390), "#search-results a"),
    ("map", "map/index.html", (1280,), None),
]
SCHEMES = ("light", "dark")


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={width},900"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def capture(driver, url, scheme, ready, path, width):
    driver.get(url)
    # The theme reads the stored scheme before the first paint: store it, then load the page again.
    driver.execute_script("localStorage.setItem('satchel-theme', arguments[0])", scheme)
    driver.get(url)
    deadline = time.time() + 10
    while ready and time.time() < deadline and not driver.find_elements("css selector", ready):
        time.sleep(0.1)
    # Full-page height, capped so that long pages stay readable as images.
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    driver.set_window_size(width, height)
    time.sleep(0.2)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 900)
    return overflow


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--satchel", default=str(REPOSITORY / ".build" / "release" / "satchel"))
    parser.add_argument("--output", default=str(REPOSITORY / "docs" / "screenshots"))
    arguments = parser.parse_args()
    output = pathlib.Path(arguments.output)
    output.mkdir(parents=True, exist_ok=True)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="satchel-screenshots-"))
    site = folder / "public"
    try:
        subprocess.run([arguments.satchel, "build", "--quiet", "--output", str(site)], cwd=REPOSITORY, check=True)
        problems = 0
        for width in (1280, 390):
            driver = browser(width)
            try:
                for name, page, widths, ready in SHOTS:
                    if width not in widths:
                        continue
                    path, _, query = page.partition("?")
                    if not (site / path).exists():
                        print(f"skipped {name}: {path} is not built by this version of Satchel")
                        continue
                    url = (site / path).as_uri() + (f"?{query}" if query else "")
                    for scheme in SCHEMES:
                        target = output / f"{name}-{width}-{scheme}.png"
                        overflow = capture(driver, url, scheme, ready, target, width)
                        note = f" (horizontal overflow: {overflow} px)" if overflow > 0 else ""
                        problems += overflow > 0
                        print(f"{target.relative_to(REPOSITORY) if target.is_relative_to(REPOSITORY) else target}{note}")
            finally:
                driver.quit()
        return 1 if problems else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
