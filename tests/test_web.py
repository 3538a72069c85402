"""The web page in headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

One server over a SQLite store of the worked example and a few dev gold articles. Each
screen is saved under docs/screenshots/ as the tests pass through it.
"""
from __future__ import annotations

import csv
import io
import shutil
import time
from pathlib import Path

import httpx
import pytest

from web_fixtures import JAFFAR, database, fill

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def site(tmp_path_factory, pipeline):
    from eventwire.web._process import served

    with database("sqlite", tmp_path_factory.mktemp("web")) as url:
        fill(url, pipeline)
        with served(url) as base:
            yield base


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("Chromium and chromium-driver are needed: run scripts/install_chromium.sh (as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1180,940", "--lang=en-US"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, script: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


def open_page(driver, url: str) -> None:
    driver.get("about:blank")  # a fresh page even where only the #fragment differs
    driver.get(url)
    wait_for(driver, "return document.body.dataset.ready === '1'")


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def jaffar_fatalities_event(site) -> str:
    items = httpx.get(site + "/api/events", params={"q": "jaffar", "limit": 50}, timeout=120).json()["items"]
    (ev,) = [e for e in items if e["doc_ids"] == [JAFFAR] and e.get("fatalities")]
    return ev["event_id"]


def test_map_shows_markers_and_a_card(site, browser):
    open_page(browser, site + "/")
    assert int(browser.execute_script("return document.querySelectorAll('.ew-marker').length")) >= 1
    colours = browser.execute_script(
        "return [...document.querySelectorAll('.ew-marker')].map(m => m.dataset.type)")
    assert "Violence against civilians" in colours
    shot(browser, "events")
    # Pakistan: the worked example's events, at one place: one marker, a card (or a list) on click.
    browser.find_element("name", "country").send_keys("Pakistan")
    wait_for(browser, "return document.querySelector('#count').textContent.includes('of')")
    wait_for(browser, "return [...document.querySelectorAll('.ew-marker')].length === 1")
    browser.find_element("css selector", ".ew-marker").click()
    card = wait_for(browser, "return document.querySelector('.leaflet-popup .card')?.textContent")
    assert "Mushkaf" in card and ("Review this event" in card or "events here" in card)
    time.sleep(0.5)  # the popup fades in
    shot(browser, "map-card")


def test_brushing_the_timeline_filters_the_table(site, browser):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, site + "/")
    before = int(wait_for(browser, "return document.querySelector('#count').dataset.total"))
    svg = browser.find_element("id", "timeline")
    width = svg.size["width"]
    # Drag from the last bar (the worked example's March 2025) back across a fifth of the timeline.
    last_bar = browser.find_elements("css selector", "#timeline rect.bar")[-1]
    ActionChains(browser).move_to_element(last_bar).click_and_hold() \
        .move_by_offset(-int(width * 0.2), 0).release().perform()
    rng = wait_for(browser, "return document.querySelector('#tl-range').textContent")
    since, until = rng.split(" to ")
    time.sleep(1.0)
    wait_for(browser, "return document.querySelector('#count').dataset.total !== undefined")
    after = int(browser.execute_script("return document.querySelector('#count').dataset.total"))
    dates = browser.execute_script(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.date)")
    assert after >= 1 and all(since <= d <= until for d in dates), (rng, dates)
    if httpx.get(site + "/api/events", params={"country": "United States", "limit": 1}, timeout=120).json()["total"]:
        assert after < before  # gold articles from other years fell outside the brush
    shot(browser, "timeline-brushed")


def test_review_highlights_the_worked_example_fatalities(site, browser):
    event_id = jaffar_fatalities_event(site)
    open_page(browser, site + "/#/review/" + event_id.replace("#", "%23"))
    wait_for(browser, "return document.querySelectorAll('#fields tbody tr').length > 5")
    body = browser.find_element("tag name", "body")
    for _ in range(12):  # j moves down the fields, as a reviewer would
        if browser.execute_script("return document.querySelector('#fields tr.sel').dataset.field") == "fatalities":
            break
        body.send_keys("j")
    marked = browser.execute_script("return [...document.querySelectorAll('mark.ev.active')].map(m => m.textContent).join('')")
    assert "six military personnel have been killed" in marked
    row = browser.execute_script("return document.querySelector('#fields tr.sel').textContent")
    assert "6" in row and "counts.fatalities" in row
    others = browser.execute_script("return document.querySelector('#incident').textContent")
    assert "report" in others
    shot(browser, "review")


def test_a_correction_persists_and_shows_in_the_export(site, browser):
    from selenium.webdriver.common.keys import Keys

    event_id = jaffar_fatalities_event(site)
    open_page(browser, site + "/#/review/" + event_id.replace("#", "%23"))
    wait_for(browser, "return document.querySelectorAll('#fields tbody tr').length > 5")
    browser.find_element("id", "reviewer").send_keys("ana", Keys.TAB)
    browser.execute_script("document.activeElement.blur()")  # back to the page, where the keys act
    body = browser.find_element("tag name", "body")
    body.send_keys("a")  # accept event_type, the first field
    wait_for(browser, "return document.querySelector('#fields tr[data-field=event_type] .state.accepted')")
    for _ in range(12):
        if browser.execute_script("return document.querySelector('#fields tr.sel').dataset.field") == "fatalities":
            break
        body.send_keys("j")
    body.send_keys("e")
    value = wait_for(browser, "return document.querySelector('#fields tr.sel input[name=value]')")
    value.clear()
    value.send_keys("7")
    browser.find_element("css selector", "#fields tr.sel input[name=comment]").send_keys("officials said seven")
    value.send_keys(Keys.ENTER)
    wait_for(browser, "return document.querySelector('#fields tr[data-field=fatalities] .state.corrected')")
    open_page(browser, site + "/#/review/" + event_id.replace("#", "%23"))  # it persists
    cell = wait_for(browser, "return document.querySelector('#fields tr[data-field=fatalities] td.value')?.textContent")
    assert cell.startswith("7") and "corrected" in cell and "machine: 6" in cell
    shot(browser, "review-corrected")
    text = httpx.get(site + "/api/export", params={"format": "acled-csv", "level": "events", "q": "jaffar"}, timeout=120).text
    (row,) = [r for r in csv.DictReader(io.StringIO(text)) if r["event_id_cnty"] == event_id]
    assert row["fatalities"] == "7" and "corrected fatalities: 6 -> 7 by ana" in row["tags"]


def test_pasted_article_is_coded_and_markup_shows_as_text(site, browser):
    open_page(browser, site + "/#/new")
    form = browser.find_element("id", "new-doc")
    form.find_element("name", "title").send_keys('<img src=x onerror="window.__xss=1">Checkpoint attack')
    text = ("<script>window.__xss=2</script> Gunmen killed four soldiers at a checkpoint near Kandahar, "
            "Afghanistan, on Sunday, officials said. <img src=x onerror=\"window.__xss=3\"> "
            "<b onmouseover=\"window.__xss=4\">Two</b> civilians were wounded.")
    browser.execute_script("arguments[0].value = arguments[1]", form.find_element("name", "text"), text)
    browser.execute_script("arguments[0].value = '2025-03-16'", form.find_element("name", "published"))
    shot(browser, "add-article")
    form.find_element("css selector", "button[type=submit]").click()
    wait_for(browser, "return location.hash.startsWith('#/review/') || location.hash.startsWith('#/doc/')", timeout=180)
    shown = wait_for(browser, "return document.querySelector('#doc-text').textContent", timeout=60)
    assert "<script>window.__xss=2</script>" in shown and 'onerror="window.__xss=3"' in shown
    assert "<img" in browser.execute_script("return document.querySelector('#doc-title').textContent")
    assert browser.execute_script("return document.querySelectorAll('#article img, #article script, #article b').length") == 0
    time.sleep(0.5)
    assert browser.execute_script("return window.__xss === undefined")
    shot(browser, "review-pasted")
