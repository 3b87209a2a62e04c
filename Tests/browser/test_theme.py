"""The default theme in a real browser: the colour scheme toggle (remembered, applied before the first paint),
the listing's cards/list toggle, breadcrumbs, navigation counts and no horizontal overflow on a 360 px phone."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors, follow, reload

PHONE_PAGES = [
    "index.html", "materials/nylon.html", "guides/sourcing-checklist.html", "materials/index.html",
    "materials/compare/index.html", "search/index.html?q=nylon", "compare/index.html?kind=materials&ids=nylon,polyester",
]


@pytest.fixture
def fresh(open_page, driver):
    """Opens a page with nothing stored (no scheme, no listing view chosen yet)."""
    def open_(relative):
        open_page(relative)
        # Cleared on the page itself and reloaded, which checks the new document sees the clear (see conftest.reload).
        if driver.execute_script("return localStorage.length"):
            driver.execute_script("localStorage.clear()")
            reload(driver)
        return driver
    yield open_
    driver.execute_script("localStorage.clear()")
    driver.set_window_size(1280, 900)


def scheme(driver):
    return driver.execute_script("return document.documentElement.getAttribute('data-theme')")


def background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def test_scheme_toggle_switches_and_is_remembered_after_reload(fresh, driver):
    fresh("materials/nylon.html")
    start = scheme(driver)
    assert start in ("light", "dark")
    toggle = driver.find_element(By.CSS_SELECTOR, "button[data-theme-toggle]")
    assert toggle.is_displayed() and toggle.accessible_name == "Dark mode"
    assert toggle.get_attribute("aria-pressed") == ("true" if start == "dark" else "false")
    before = background(driver)
    toggle.click()
    flipped = "dark" if start == "light" else "light"
    assert scheme(driver) == flipped
    assert toggle.get_attribute("aria-pressed") == ("true" if flipped == "dark" else "false")
    assert background(driver) != before
    reload(driver)
    assert scheme(driver) == flipped
    assert driver.find_element(By.CSS_SELECTOR, "button[data-theme-toggle]").get_attribute("aria-pressed") == (
        "true" if flipped == "dark" else "false")
    # Another page, another folder depth: the choice holds across the site.
    follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-title"))
    assert scheme(driver) == flipped
    assert console_errors(driver) == []


def test_scheme_is_set_in_head_before_the_style_sheets(site, fresh, driver):
    """No flash: an inline script in <head>, before any style sheet, sets data-theme from the stored choice."""
    html = (site / "materials" / "nylon.html").read_text()
    head = html[:html.index("</head>")]
    script = head.index("<script>")
    assert script < head.index('<link rel="stylesheet"')
    assert "data-theme" in head[script:head.index("</script>", script)]
    fresh("materials/nylon.html")
    driver.execute_script("localStorage.setItem('satchel-theme', 'dark')")
    # Record the attribute when the parser inserts the first style sheet, before anything can be painted with it.
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "new MutationObserver(function (records, observer) {"
        " for (const record of records) for (const node of record.addedNodes) {"
        "  if (node.nodeName === 'LINK' && node.rel === 'stylesheet') {"
        "   window.__schemeAtFirstStyleSheet = document.documentElement.getAttribute('data-theme');"
        "   observer.disconnect(); return; } } }).observe(document, {childList: true, subtree: true});")})
    try:
        reload(driver)
        assert driver.execute_script("return window.__schemeAtFirstStyleSheet") == "dark"
        assert driver.execute_script(
            "return getComputedStyle(document.documentElement).getPropertyValue('--background').trim()") == "#12151b"
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def test_listing_view_toggle_is_remembered(fresh, driver):
    fresh("materials/index.html")
    cards = driver.find_element(By.CSS_SELECTOR, "[data-view-toggle] [data-view=cards]")
    listing = driver.find_element(By.CSS_SELECTOR, "[data-view-toggle] [data-view=list]")
    assert cards.get_attribute("aria-pressed") == "true"
    first = driver.find_element(By.CSS_SELECTOR, ".entity-list .card")
    card_height = first.size["height"]
    listing.click()
    assert listing.get_attribute("aria-pressed") == "true" and cards.get_attribute("aria-pressed") == "false"
    assert driver.find_element(By.CSS_SELECTOR, ".entity-list .card").size["height"] < card_height
    reload(driver)
    assert driver.find_element(By.CSS_SELECTOR, "[data-view-toggle] [data-view=list]").get_attribute("aria-pressed") == "true"
    assert driver.execute_script("return document.documentElement.getAttribute('data-listing')") == "list"
    driver.find_element(By.CSS_SELECTOR, "[data-view-toggle] [data-view=cards]").click()
    reload(driver)
    assert driver.execute_script("return document.documentElement.getAttribute('data-listing')") is None


@pytest.mark.parametrize("page", PHONE_PAGES)
def test_no_horizontal_overflow_on_a_360_px_phone(page, fresh, driver):
    driver.set_window_size(360, 800)
    fresh(page)
    if "q=" in page:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    if page.startswith("compare/"):
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#side-by-side table"))
    width = driver.execute_script("return window.innerWidth")
    assert width <= 360
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0, f"{page} is {overflow} px wider than the phone"


@pytest.mark.parametrize("page,trail", [
    ("materials/index.html", ["Home", "Materials"]),
    ("materials/nylon.html", ["Home", "Materials", "Nylon"]),
    ("guides/sourcing-checklist.html", ["Home", "Guides", None]),
    ("materials/compare/index.html", ["Home", "Materials", "Compare"]),
    ("search/index.html", ["Home", "Search"]),
    ("404.html", ["Home", "Page not found"]),
])
def test_breadcrumbs_lead_home(page, trail, open_page):
    driver = open_page(page)
    crumbs = driver.find_element(By.CSS_SELECTOR, "nav.breadcrumbs")
    parts = [element.text for element in crumbs.find_elements(By.CSS_SELECTOR, "a, [aria-current=page]")]
    assert len(parts) == len(trail)
    assert all(expected is None or part == expected for part, expected in zip(parts, trail))
    assert crumbs.find_element(By.CSS_SELECTOR, "[aria-current=page]").text == parts[-1]


def test_home_has_no_breadcrumbs(open_page):
    assert open_page("index.html").find_elements(By.CSS_SELECTOR, "nav.breadcrumbs") == []


def test_navigation_counts_match_the_pages_of_each_kind(site, open_page):
    driver = open_page("markets/index.html")
    links = driver.find_elements(By.CSS_SELECTOR, ".site-nav a")
    kinds = [d.name for d in sorted(site.iterdir()) if (d / "index.html").exists() and d.name not in ("search", "compare", "map")]
    assert len(links) == len(kinds)
    for link in links:
        kind = link.get_attribute("href").rsplit("/", 2)[-2]
        pages = [p for p in (site / kind).glob("*.html") if p.name != "index.html"]
        count = int(link.find_element(By.CSS_SELECTOR, ".count").text)
        assert count == len(pages), kind
        assert (link.get_attribute("aria-current") == "page") == (kind == "markets")


def test_compare_with_opens_two_similar_pages_side_by_side(open_page):
    driver = open_page("materials/nylon.html")
    links = driver.find_elements(By.CSS_SELECTOR, ".compare-with li a")
    assert 1 <= len(links) <= 3
    first = links[0]
    title = first.text
    first.click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#side-by-side table"))
    headers = driver.find_element(By.CSS_SELECTOR, "#side-by-side table").text
    assert "Nylon" in headers and title in headers


def test_home_lists_recently_updated_pages_newest_first(open_page):
    driver = open_page("index.html")
    items = driver.find_elements(By.CSS_SELECTOR, ".recent li")
    assert items
    dates = [item.find_element(By.TAG_NAME, "time").get_attribute("datetime") for item in items]
    assert dates == sorted(dates, reverse=True)
    for item in items:
        assert item.find_element(By.TAG_NAME, "a").get_attribute("href").endswith(".html")
