"""Comparison tables in a real browser over file://: sorting, filtering, URL state, the side-by-side view,
selection, and CSV files that read back as the table shows."""
import csv
import io
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import console_errors

def column_texts(driver, key):
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, f"#compare-table tbody tr:not([hidden]) td[data-key='{key}']")]


def row_titles(driver, selector="#compare-table"):
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, f"{selector} tbody tr:not([hidden]) th")]


def header(driver, key):
    return driver.find_element(By.CSS_SELECTOR, f"#compare-table thead th[data-key='{key}']")


def query(driver):
    return urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)


def test_sorting_by_an_enum_column_follows_declared_order_keeps_missing_last_and_sets_aria_sort(open_page):
    driver = open_page("markets/compare/index.html")
    assert header(driver, "title").get_attribute("aria-sort") == "ascending"
    header(driver, "labour_cost").find_element(By.TAG_NAME, "button").click()
    costs = column_texts(driver, "labour_cost")
    assert costs[:4] == ["Lower", "Lower", "Higher", "Higher"]
    assert costs[4:] == [""] * (len(costs) - 4) and len(costs) > 4
    assert header(driver, "labour_cost").get_attribute("aria-sort") == "ascending"
    assert header(driver, "title").get_attribute("aria-sort") is None

    header(driver, "labour_cost").find_element(By.TAG_NAME, "button").send_keys(Keys.ENTER)
    costs = column_texts(driver, "labour_cost")
    assert costs[:4] == ["Higher", "Higher", "Lower", "Lower"] and costs[-1] == ""
    assert header(driver, "labour_cost").get_attribute("aria-sort") == "descending"
    assert query(driver) == {"sort": ["labour_cost"], "order": ["desc"]}

    header(driver, "level").find_element(By.TAG_NAME, "button").click()
    levels = column_texts(driver, "level")
    declared = ["Region", "Trade bloc", "Country", "City", "Sourcing hub"]
    assert levels == sorted(levels, key=declared.index) != sorted(levels)
    assert console_errors(driver) == []


def test_sorting_a_range_column_uses_its_bounds(open_page):
    driver = open_page("terms/compare/index.html?sort=typical_lead_time")
    cells = driver.find_elements(By.CSS_SELECTOR, "#compare-table tbody td[data-key='typical_lead_time']")
    bounds = [[float(number) for number in cell.get_attribute("data-sort").split()] for cell in cells if cell.get_attribute("data-sort")]
    assert len(bounds) >= 2 and bounds == sorted(bounds)
    assert [cell.text for cell in cells][len(bounds):] == [""] * (len(cells) - len(bounds))
    assert header(driver, "typical_lead_time").get_attribute("aria-sort") == "ascending"


def test_a_shared_url_reopens_the_same_sorted_filtered_view(open_page):
    driver = open_page("materials/compare/index.html?sort=cost_tier&order=desc&f.group=Core&hide=grades")
    assert header(driver, "cost_tier").get_attribute("aria-sort") == "descending"
    assert row_titles(driver) == ["Faux Leather (PU or PVC)", "Nylon", "Canvas", "Polyester"]
    assert not header(driver, "grades").is_displayed()
    assert all(not cell.is_displayed() for cell in driver.find_elements(By.CSS_SELECTOR, "td[data-key='grades']"))
    assert driver.find_element(By.CSS_SELECTOR, ".compare-status").text == "Showing 4 of 8 Materials."


def test_filter_box_and_facets_narrow_the_rows_and_are_kept_in_the_url(open_page):
    driver = open_page("materials/compare/index.html")
    assert len(row_titles(driver)) == 8
    box = driver.find_element(By.CSS_SELECTOR, ".compare-controls [data-filter]")
    box.send_keys("uv")
    assert row_titles(driver) == ["Faux Leather (PU or PVC)", "Nylon", "Polyester"]
    assert query(driver) == {"q": ["uv"]}
    box.clear()
    box.send_keys(" ")
    assert len(row_titles(driver)) == 8

    facet = driver.find_element(By.CSS_SELECTOR, "[data-facet='climate_risks']")
    facet.find_element(By.TAG_NAME, "summary").click()
    facet.find_element(By.CSS_SELECTOR, "input[value='Heat']").click()
    facet.find_element(By.CSS_SELECTOR, "input[value='Mildew']").click()
    assert row_titles(driver) == ["Canvas", "Faux Leather (PU or PVC)"]
    assert query(driver)["f.climate_risks"] == ["Heat", "Mildew"]
    driver.find_element(By.CSS_SELECTOR, "[data-reset]").click()
    assert len(row_titles(driver)) == 8
    assert console_errors(driver) == []


def test_columns_can_be_hidden_and_shown(open_page):
    driver = open_page("materials/compare/index.html")
    columns = driver.find_element(By.CSS_SELECTOR, ".compare-columns")
    columns.find_element(By.TAG_NAME, "summary").click()
    toggle = columns.find_element(By.CSS_SELECTOR, "input[value='key_advantage']")
    toggle.click()
    assert not header(driver, "key_advantage").is_displayed()
    assert query(driver) == {"hide": ["key_advantage"]}
    toggle.click()
    assert header(driver, "key_advantage").is_displayed()


def test_csv_link_points_to_a_file_that_reads_back_as_the_table(open_page):
    for kind in ["materials", "terms", "manufacturers", "markets"]:
        driver = open_page(f"{kind}/compare/index.html")
        table = driver.find_element(By.ID, "compare-table")
        html_rows = [[cell.text for cell in table.find_elements(By.CSS_SELECTOR, "thead th")]]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            html_rows.append([cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")])
        link = driver.find_element(By.CSS_SELECTOR, ".compare-download a[download]")
        assert link.get_attribute("href").endswith(f"/{kind}/compare/{kind}.csv")
        with urllib.request.urlopen(link.get_attribute("href")) as response:
            data = response.read()
        assert b"\r\n" in data
        assert list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) == html_rows


def test_markdown_and_compare_block_tables_in_pages_sort_too(open_page):
    driver = open_page("guides/technical-specifications.html")
    block = driver.find_element(By.CSS_SELECTOR, ".body table.compare-table")
    titles = lambda: [cell.text for cell in block.find_elements(By.CSS_SELECTOR, "tbody th")]
    assert titles() == ["Polyester", "Canvas", "Nylon", "Faux Leather (PU or PVC)"]
    block.find_element(By.CSS_SELECTOR, "thead th[data-key='title'] button").click()
    assert titles() == ["Canvas", "Faux Leather (PU or PVC)", "Nylon", "Polyester"]

    markdown = driver.find_element(By.CSS_SELECTOR, ".body table:not(.compare-table)")
    first_column = lambda: [row.find_element(By.TAG_NAME, "td").text for row in markdown.find_elements(By.CSS_SELECTOR, "tbody tr")]
    written = first_column()
    heading = markdown.find_element(By.CSS_SELECTOR, "thead th")
    heading.find_element(By.TAG_NAME, "button").click()
    assert first_column() == sorted(written, key=str.lower) != written
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.find_element(By.TAG_NAME, "button").click()
    assert first_column() == sorted(written, key=str.lower, reverse=True)
    assert console_errors(driver) == []


def test_side_by_side_url_shows_the_chosen_entities_and_marks_differences(open_page, driver):
    open_page("compare/index.html?kind=materials&ids=nylon,polyester")
    table = driver.find_element(By.CSS_SELECTOR, ".side-by-side-table")
    assert [cell.text.rstrip(" ×") for cell in table.find_elements(By.CSS_SELECTOR, "thead th")] == ["Field", "Nylon", "Polyester"]
    rows = {row.find_element(By.TAG_NAME, "th").text.split("\n")[0]: row for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")}
    assert "differs" not in rows["Group"].get_attribute("class")
    assert "differs" in rows["Relative cost"].get_attribute("class")
    assert [cell.text for cell in rows["Relative cost"].find_elements(By.TAG_NAME, "td")] == ["Medium to High", "Low to Medium"]
    related = rows["Related materials"].find_element(By.TAG_NAME, "a")
    assert related.get_attribute("href").endswith("/materials/polyester.html") and related.text == "Polyester"
    # Relations name their pages by reference to the site's titles script: each link gets its title and URL.
    guides = rows["Guides covering this material"].find_elements(By.TAG_NAME, "a")
    assert guides and all(link.text and "/guides/" in link.get_attribute("href") for link in guides)

    link = driver.find_element(By.CSS_SELECTOR, "a.side-by-side-csv")
    assert link.get_attribute("href").startswith("blob:")
    text = driver.execute_async_script("fetch(arguments[0]).then(r => r.text()).then(arguments[1])", link.get_attribute("href"))
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert records[0][:3] == ["Material", "Summary", "Group"]
    assert [record[0] for record in records[1:]] == ["Nylon", "Polyester"]
    assert records[1][records[0].index("Relative cost")] == "Medium to High"
    assert console_errors(driver) == []


def test_picking_entities_updates_the_side_by_side_view_and_its_url(open_page, driver):
    open_page("materials/nylon.html")
    driver.find_element(By.CSS_SELECTOR, ".compare-with a.pick-others").click()
    assert query(driver) == {"kind": ["materials"], "ids": ["nylon"]}
    assert driver.find_elements(By.CSS_SELECTOR, ".side-by-side-table") == []
    picker = driver.find_element(By.CSS_SELECTOR, ".side-by-side-picker")
    assert picker.find_element(By.CSS_SELECTOR, "input[value='nylon']").is_selected()
    picker.find_element(By.CSS_SELECTOR, "input[value='canvas']").click()
    assert query(driver) == {"kind": ["materials"], "ids": ["nylon,canvas"]}
    headers = [cell.text.rstrip(" ×") for cell in driver.find_elements(By.CSS_SELECTOR, ".side-by-side-table thead th")]
    assert headers == ["Field", "Nylon", "Canvas"]
    driver.find_element(By.CSS_SELECTOR, "button[aria-label='Remove Nylon']").click()
    assert query(driver) == {"kind": ["materials"], "ids": ["canvas"]}
    assert driver.find_elements(By.CSS_SELECTOR, ".side-by-side-table") == []


def test_listing_checkboxes_allow_two_to_four_and_open_the_side_by_side_view(open_page, driver):
    open_page("materials/index.html")
    button = driver.find_element(By.CSS_SELECTOR, "#compare-form button[type=submit]")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=ids][form=compare-form]")
    assert len(boxes) == 8 and not button.is_enabled()
    boxes[0].click()
    assert not button.is_enabled()
    for box in boxes[1:4]:
        box.click()
    assert button.is_enabled()
    assert not boxes[4].is_enabled() and boxes[3].is_enabled()
    boxes[3].click()
    boxes[2].click()
    button.click()
    assert driver.current_url.split("/")[-2:] == ["compare", "index.html?kind=materials&ids=biodegradable-fabrics,canvas"]
    headers = [cell.text.rstrip(" ×") for cell in driver.find_elements(By.CSS_SELECTOR, ".side-by-side-table thead th")]
    assert headers == ["Field", "Biodegradable Fabrics", "Canvas"]
    assert console_errors(driver) == []
