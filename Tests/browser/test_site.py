"""The built bundled site in a real browser over file://: pages load, navigation works, no console errors."""
from selenium.webdriver.common.by import By

from conftest import console_errors


def test_home_links_to_every_kind_and_navigation_works_from_disk(open_page):
    driver = open_page("index.html")
    cards = driver.find_elements(By.CSS_SELECTOR, "main .kind-cards .card h3 a")
    assert len(cards) == 8
    cards[1].click()
    assert driver.current_url.endswith("/materials/index.html")
    driver.find_element(By.LINK_TEXT, "Nylon").click()
    assert driver.current_url.endswith("/materials/nylon.html")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Nylon"
    assert console_errors(driver) == []


def test_entity_page_shows_facts_and_backlinks(open_page):
    driver = open_page("markets/africa.html")
    labels = [element.get_attribute("textContent") for element in driver.find_elements(By.CSS_SELECTOR, ".relations h3")]
    assert "Manufacturers serving this market" in labels
    assert console_errors(driver) == []
