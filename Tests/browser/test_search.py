"""Search on the built bundled site in a real browser over file://: the box in the header, its drop-down,
the search page, and the order of results, which must be the one `satchel search` gives."""
import os
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, SATCHEL, console_errors


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#search-results a")


def result_paths(driver):
    return [link.get_attribute("href").split("/public/", 1)[1] for link in results(driver)]


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-search-panel] .search-status").text


def type_query(driver, text):
    """Types into the header search box and waits until the results or the no-results message answer it."""
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    quoted = "\u201c" + text.strip() + "\u201d"
    WebDriverWait(driver, 5).until(lambda d: quoted in status(d) and (results(d) or "No results" in status(d)))
    return box


def test_query_finds_the_page_it_names_first(open_page):
    driver = open_page("index.html")
    type_query(driver, "nylon")
    assert result_paths(driver)[0] == "materials/nylon.html"
    first = results(driver)[0]
    assert first.find_element(By.CSS_SELECTOR, ".search-kind").text.lower() == "material"
    assert first.find_element(By.CSS_SELECTOR, ".search-title").text == "Nylon"
    assert first.find_elements(By.CSS_SELECTOR, ".search-snippet mark")
    assert console_errors(driver) == []


def test_links_are_relative_from_pages_at_every_depth(open_page, site):
    for page in ("index.html", "materials/nylon.html", "materials/compare/index.html"):
        driver = open_page(page)
        type_query(driver, "kenya")
        href = results(driver)[0].get_attribute("href")
        assert href == (site / "markets/kenya.html").as_uri()
        depth = page.count("/")
        assert driver.execute_script("return arguments[0].getAttribute('href')", results(driver)[0]) == "../" * depth + "markets/kenya.html"
    assert console_errors(driver) == []


def test_query_without_diacritics_finds_accented_title(open_page):
    driver = open_page("index.html")
    type_query(driver, "sao paulo")
    assert result_paths(driver)[0] == "markets/sao-paulo.html"
    assert [mark.text for mark in results(driver)[0].find_elements(By.CSS_SELECTOR, ".search-title mark")] == ["São", "Paulo"]


def test_typo_and_prefix_still_find_the_page(open_page):
    driver = open_page("index.html")
    for query, expected in (("polyestr", "materials/polyester.html"), ("nylno", "materials/nylon.html"),
                            ("polye", "materials/polyester.html")):
        type_query(driver, query)
        assert result_paths(driver)[0] == expected, query
    assert console_errors(driver) == []


def test_field_values_are_searchable(open_page):
    driver = open_page("index.html")
    type_query(driver, "ISO 9001")
    paths = result_paths(driver)
    assert paths[0] == "certifications/iso-9001.html"
    assert "manufacturers/bagmanufacturer.html" in paths
    type_query(driver, "Medium to High")
    assert "materials/nylon.html" in result_paths(driver)[:2]


def other_kind(driver):
    """A kind offered as a filter other than the first result's."""
    first = result_paths(driver)[0].split("/")[0]
    kinds = [button.get_attribute("data-kind") for button in driver.find_elements(By.CSS_SELECTOR, ".search-filter")]
    return next(kind for kind in kinds if kind and kind != first)


def test_kind_filter_shows_counts_and_narrows_results(open_page):
    driver = open_page("index.html")
    type_query(driver, "kenya")
    buttons = driver.find_elements(By.CSS_SELECTOR, ".search-filter")
    counts = {button.get_attribute("data-kind"): int(button.find_element(By.CSS_SELECTOR, ".count").text) for button in buttons}
    total = int(status(driver).split()[0])
    assert counts[""] == total
    assert sum(count for kind, count in counts.items() if kind) == total
    kind = other_kind(driver)
    driver.find_element(By.CSS_SELECTOR, f'.search-filter[data-kind="{kind}"]').click()
    WebDriverWait(driver, 5).until(lambda d: all(path.startswith(kind + "/") for path in result_paths(d)))
    assert len(results(driver)) == min(counts[kind], 8)
    assert driver.find_element(By.CSS_SELECTOR, f'.search-filter[data-kind="{kind}"]').get_attribute("aria-pressed") == "true"
    assert console_errors(driver) == []


def test_keyboard_slash_focuses_arrows_move_and_enter_opens(open_page):
    driver = open_page("materials/index.html")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element.get_attribute("id") == "search-input"
    type_query(driver, "kenya")
    paths = result_paths(driver)
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element.get_attribute("id") == "search-result-0"
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element.get_attribute("id") == "search-result-1"
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element.get_attribute("id") == "search-input"
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.current_url.endswith(paths[1]))
    assert console_errors(driver) == []


def test_search_page_shows_query_from_address_and_survives_reload_and_history(open_page):
    driver = open_page("search/index.html?q=kenya")
    WebDriverWait(driver, 5).until(lambda d: results(d))
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == "kenya"
    assert result_paths(driver)[0] == "markets/kenya.html"
    kind = other_kind(driver)
    driver.find_element(By.CSS_SELECTOR, f'.search-filter[data-kind="{kind}"]').click()
    WebDriverWait(driver, 5).until(lambda d: f"kind={kind}" in d.current_url)
    WebDriverWait(driver, 5).until(lambda d: all(path.startswith(kind + "/") for path in result_paths(d)))
    driver.refresh()
    WebDriverWait(driver, 5).until(lambda d: results(d) and all(path.startswith(kind + "/") for path in result_paths(d)))
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == "kenya"
    driver.back()
    WebDriverWait(driver, 5).until(lambda d: "kind=" not in d.current_url and result_paths(d)[:1] == ["markets/kenya.html"])
    assert console_errors(driver) == []


def test_form_submits_to_the_search_page(open_page):
    driver = open_page("materials/nylon.html")
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("lead time", Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: "/search/index.html?q=lead+time" in d.current_url and results(d))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Search"
    assert console_errors(driver) == []


def test_search_page_lists_every_result_on_demand(open_page):
    driver = open_page("search/index.html?q=mini")
    WebDriverWait(driver, 5).until(lambda d: results(d))
    total = int(status(driver).split()[0])
    assert total > 20 and len(results(driver)) == 20
    more = driver.find_element(By.CSS_SELECTOR, ".search-more")
    while more.is_displayed():
        shown = len(results(driver))
        more.click()
        WebDriverWait(driver, 5).until(lambda d: len(results(d)) > shown)
    assert len(results(driver)) == total
    assert len(set(result_paths(driver))) == total


def test_nonsense_query_says_no_results_and_suggests_a_word(open_page):
    driver = open_page("index.html")
    type_query(driver, "qwxzqk")
    assert results(driver) == []
    assert "No results for \u201cqwxzqk\u201d" in status(driver)
    type_query(driver, "polyesterrr")
    assert "No results" in status(driver)
    suggestion = driver.find_element(By.CSS_SELECTOR, ".search-suggestion")
    assert suggestion.text == "polyester"
    assert console_errors(driver) == []


def test_hostile_titles_are_shown_as_text(driver, tmp_path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "_site.yml").write_text("title: Hostile\nkinds: [notes]\n")
    (content / "notes" / "_kind.yml").write_text("singular: Note\nplural: Notes\n")
    (content / "notes" / "evil.md").write_text(
        '---\ntitle: "<img src=x onerror=\\"window.hacked=1\\"></script><b>bold</b>"\n---\nBody.\n')
    binary = os.environ.get("SATCHEL", str(SATCHEL))
    subprocess.run([binary, "build", "--quiet", "--content", str(content), "--themes", str(REPOSITORY / "themes"),
                    "--output", str(tmp_path / "public")], check=True)
    driver.get((tmp_path / "public" / "index.html").as_uri())
    type_query(driver, "img onerror")
    title = results(driver)[0].find_element(By.CSS_SELECTOR, ".search-title")
    assert title.text == '<img src=x onerror="window.hacked=1"></script><b>bold</b>'
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results img, #search-results b") == []
    assert driver.execute_script("return window.hacked") is None


def test_search_page_says_javascript_is_needed_when_it_is_off(site):
    html = (site / "search" / "index.html").read_text()
    assert "<noscript>" in html and "needs JavaScript" in html


@pytest.mark.parametrize("query", ["nylon", "kenya", "iso 9001", "lead time", "polyestr", "mini backpack"])
def test_browser_ranks_like_satchel_search(open_page, query):
    binary = os.environ.get("SATCHEL", str(SATCHEL))
    output = subprocess.run([binary, "search", "--limit", "8", "--paths", query], cwd=REPOSITORY, check=True,
                            capture_output=True, text=True).stdout.split()
    driver = open_page("index.html")
    type_query(driver, query)
    assert result_paths(driver) == output
