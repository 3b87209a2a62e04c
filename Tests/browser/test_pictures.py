"""Pictures drawn at build time, in a real browser over file://: the relation map on entity pages, the catalog
map, charts and cross-reference matrices on comparison pages. Their links navigate, nothing overflows the
page at phone width (360 px), no label overlaps its neighbour, and the dark scheme recolours them."""
import pytest
from selenium.webdriver.common.by import By

from conftest import console_errors, reload

PHONE_PAGES = [
    "index.html", "map/index.html", "materials/nylon.html", "markets/africa.html", "certifications/reach.html",
    "materials/compare/index.html", "certifications/compare/index.html", "types/compare/index.html",
    "terms/compare/index.html", "applications/compare/index.html",
]


@pytest.fixture
def phone(driver):
    """The shared browser with a viewport 360 px wide, restored afterwards."""
    size = driver.get_window_size()
    driver.set_window_size(360, 800)
    # The window's frame, if any, takes from the viewport: widen the window by what it takes.
    frame = driver.execute_script("return window.outerWidth - window.innerWidth")
    if 0 < frame < 100:
        driver.set_window_size(360 + frame, 800)
    yield driver
    driver.set_window_size(size["width"], size["height"])


def full_title(driver, node):
    """A node's full title: its tooltip when its label is shortened, else its label."""
    return driver.execute_script(
        "return (arguments[0].querySelector('title') || arguments[0].querySelector('text')).textContent", node)


def test_map_page_nodes_navigate_to_their_pages(open_page):
    driver = open_page("map/index.html")
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg.catalog-map a.node")
    assert len(nodes) == len(driver.find_elements(By.CSS_SELECTOR, ".map-entities > li"))
    assert len(nodes) > 100
    title = full_title(driver, nodes[0])
    nodes[0].click()
    assert driver.current_url.endswith(".html") and "/map/" not in driver.current_url
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    assert console_errors(driver) == []


def test_relation_map_nodes_navigate_to_neighbours(open_page):
    driver = open_page("materials/nylon.html")
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg.relation-map a.node")
    assert nodes, "no relation map on the page"
    listed = {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".relations a")}
    # An SVG link's href property is an SVGAnimatedString: resolve its attribute against the page instead.
    drawn = {driver.execute_script("return new URL(arguments[0].getAttribute('href'), location.href).href", node) for node in nodes}
    assert drawn <= listed, "the map links to pages the lists do not"
    target = nodes[-1]
    title = full_title(driver, target)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    assert console_errors(driver) == []


@pytest.mark.parametrize("page", PHONE_PAGES)
def test_no_horizontal_overflow_at_phone_width(page, phone, open_page):
    driver = open_page(page)
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == 360
    assert width <= inner, f"{page} is {width} px wide in a {inner} px viewport"


# For every text in a picture, its box and the box of the next text on the same line; none may overlap, and
# none may stick out of the picture (a chart's, the relation map's) or out of its node's box.
OVERLAPS = """
var problems = [];
document.querySelectorAll(arguments[0]).forEach(function (svg) {
  var frame = svg.getBoundingClientRect();
  var texts = Array.prototype.slice.call(svg.querySelectorAll('text'));
  var boxes = texts.map(function (t) { return t.getBoundingClientRect(); });
  boxes.forEach(function (a, i) {
    if (a.left < frame.left - 1 || a.right > frame.right + 1) problems.push('outside: ' + texts[i].textContent);
    var box = texts[i].parentNode.querySelector(':scope > rect.box');
    if (box) {
      var r = box.getBoundingClientRect();
      if (a.left < r.left || a.right > r.right) problems.push('out of its box: ' + texts[i].textContent);
    }
    boxes.forEach(function (b, j) {
      if (j > i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        problems.push(texts[i].textContent + ' overlaps ' + texts[j].textContent);
    });
  });
});
return problems;
"""


@pytest.mark.parametrize("page,selector", [
    ("materials/nylon.html", "svg.relation-map"),
    ("markets/africa.html", "svg.relation-map"),
    ("materials/compare/index.html", "svg.field-chart"),
    ("certifications/compare/index.html", "svg.field-chart"),
    ("terms/compare/index.html", "svg.field-chart"),
    ("markets/compare/index.html", "svg.field-chart"),
])
def test_picture_labels_do_not_overlap_at_phone_width(page, selector, phone, open_page):
    driver = open_page(page)
    assert driver.find_elements(By.CSS_SELECTOR, selector), f"no {selector} on {page}"
    assert driver.execute_script(OVERLAPS, selector) == []


def test_picture_text_stays_readable_at_phone_width(phone, open_page):
    driver = open_page("materials/nylon.html")
    sizes = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('svg.relation-map text'),"
        " function (t) { return t.getBoundingClientRect().height; })")
    assert sizes and min(sizes) >= 10, f"relation map text as small as {min(sizes)} px"


def test_matrix_marks_cells_with_a_symbol_and_text(open_page):
    driver = open_page("certifications/compare/index.html")
    table = driver.find_element(By.CSS_SELECTOR, "table.reference-matrix")
    ticked = table.find_elements(By.CSS_SELECTOR, "td.matrix-yes")
    assert ticked
    for cell in ticked:
        assert cell.text.strip().startswith("✓")
        assert cell.find_element(By.CSS_SELECTOR, ".picture-hidden").get_attribute("textContent") == "Yes"
    headers = table.find_elements(By.CSS_SELECTOR, "thead th[scope=col] a")
    assert headers and all(h.get_attribute("href").endswith(".html") for h in headers)


def test_dark_scheme_recolours_the_pictures(driver, open_page):
    def colours():
        return driver.execute_script(
            "var label = document.querySelector('svg.relation-map a.node text');"
            "return [getComputedStyle(label).fill, getComputedStyle(document.body).backgroundColor];")

    def luminance(colour):
        red, green, blue = [int(part) for part in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    def in_scheme(scheme):
        # The theme applies the reader's stored choice before the first paint (see head.mustache).
        driver.execute_script("localStorage.setItem('satchel-theme', arguments[0])", scheme)
        reload(driver)
        return colours()

    open_page("materials/nylon.html")
    try:
        light, dark = in_scheme("light"), in_scheme("dark")
    finally:
        driver.execute_script("localStorage.removeItem('satchel-theme')")
    assert light != dark
    assert luminance(light[0]) < luminance(light[1]), f"light scheme: label {light[0]} on {light[1]}"
    assert luminance(dark[0]) > luminance(dark[1]), f"dark scheme: label {dark[0]} on {dark[1]}"
