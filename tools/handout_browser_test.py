#!/usr/bin/env python3
"""The interactive handout in headless Chromium, as its readers use it.

Usage: handout_browser_test.py RELMAP_BINARY [SCREENSHOT.png]

Writes handouts with the given relmap binary (the shipped map, and a map whose every text is
hostile markup), opens them from disk in Debian's chromium through chromedriver (Python
selenium; nothing is downloaded) and checks: a click on a line shows its passages in
#evidence; Tab then Enter does the same; the search box filters passages and lights lines; a
legend switch hides lines; an actor lists its relations; the article opens with cited
passages marked; the Story steps through the storyboard (caption, passages, the rest faded); the hostile map runs nothing and shows its markup as text; no request
leaves the page; no console errors. Exits 1 on the first failure, saying which.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

RELMAP = sys.argv[1]
SHOT = sys.argv[2] if len(sys.argv) > 2 else None
EVIL = ('<script>window.pwned=1</script></script><img src=x onerror="window.pwned=2">'
        '<svg onload="window.pwned=3">')


def fail(message):
    print(f"handout browser test: FAILED: {message}")
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print(f"  ok: {message}")


def write_handout(folder, dataset=None, extra=(), name=None):
    out = folder / (name or ("evil.html" if dataset else "map.html"))
    args = ([RELMAP, "export"] + ([str(dataset)] if dataset else []) + list(extra)
            + ["--out", str(out)])
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"relmap export: {done.stdout}{done.stderr}")
    return out


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def remote_requests(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".map(function (e) { return e.name; })"
        ".filter(function (n) { return n.indexOf('file:') !== 0; });")


def click_at(driver, x, y):
    """A real mouse click at viewport point (x, y), hit-tested by the browser."""
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        driver.execute_cdp_cmd("Input.dispatchMouseEvent", {
            "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def point_on_line(driver, relation):
    """A viewport point on a line, halfway along it (in a dash's gap as often as not)."""
    return driver.execute_script("""
        var p = document.querySelector('[data-relation="' + arguments[0] + '"]');
        if (p.tagName.toLowerCase() !== 'path') { p = p.querySelector('path'); }
        var at = p.getPointAtLength(p.getTotalLength() / 2);
        var pt = p.ownerSVGElement.createSVGPoint();
        pt.x = at.x; pt.y = at.y;
        var s = pt.matrixTransform(p.getScreenCTM());
        return [s.x, s.y];""", relation)


def shipped_map(driver, page):
    driver.get(page.as_uri())
    evidence = driver.find_element(By.ID, "evidence")
    # A real click halfway along a dashed line (its gaps count too) shows its passages.
    x, y = point_on_line(driver, "us-kz-diplomacy")
    click_at(driver, x + 3, y + 3)
    check("imitate China" in evidence.text,
          "a click near a dashed line, off its ink, shows its passages")
    # A click on the energy line shows its passages.
    line = driver.find_element(By.CSS_SELECTOR, '[data-relation="cn-kz-energy"]')
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", line)
    check("Major oil and gas pipelines link the two countries." in evidence.text,
          "a click on a line shows its passages in #evidence")
    check("¶8" in evidence.text, "with their paragraph")
    # Keyboard: focus the diplomacy line with Tab from the search box, then Enter.
    search = driver.find_element(By.ID, "search")
    driver.execute_script("document.querySelector('[data-relation=\"cn-kz-security\"]').focus()")
    focused = driver.switch_to.active_element
    check(focused.get_attribute("data-relation") == "cn-kz-security", "a line takes focus")
    focused.send_keys(Keys.ENTER)
    check("Peace Mission 2010" in evidence.text, "Enter on a focused line shows its passages")
    search.click()
    search.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.tag_name in ("input", "path", "g", "circle", "rect"),
          "Tab moves on from the search box")
    # Search.
    search.send_keys("pipelines")
    check("contain “pipelines”" in evidence.text and "pipelines" in evidence.text.lower(),
          "the search lists matching passages")
    bold = driver.find_elements(By.CSS_SELECTOR, "#evidence b.hit")
    check(bold and all(b.text.lower() == "pipelines" for b in bold),
          "with the searched word in bold")
    search.clear()
    search.send_keys("china's")
    curly = len(driver.find_elements(By.CSS_SELECTOR, "#evidence blockquote"))
    check(curly >= 5, f"a typed apostrophe finds the article's curly one ({curly} passages)")
    search.clear()
    search.send_keys("pipelines")
    lit = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('[data-relation].match'),"
        " function (n) { return n.getAttribute('data-relation'); });")
    check("cn-kz-energy" in lit, "and lights the matching lines")
    search.clear()
    search.send_keys(" ")
    search.send_keys(Keys.BACKSPACE)
    # Legend: switching a policy field off hides its lines.
    boxes = driver.find_elements(By.CSS_SELECTOR, "#legend input[type=checkbox]")
    check(len(boxes) >= 5, "the legend has a switch per policy field and tone")
    energy_box = [b for b in boxes
                  if b.find_element(By.XPATH, "..").text.strip() == "energy"][0]
    energy_box.click()
    shown = driver.execute_script(
        "return getComputedStyle(document.querySelector('[data-relation=\"cn-kz-energy\"]')).display;")
    check(shown == "none", "a legend switch hides its lines")
    energy_box.click()
    # An actor lists its relations.
    actor = driver.find_element(By.CSS_SELECTOR, '[data-actor="russia"]')
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", actor)
    check(evidence.text.startswith("Russia") and "Kazakhstan" in evidence.text,
          "a click on an actor lists its relations")
    # The article with its cited passages marked.
    driver.find_element(By.ID, "read-article").click()
    marks = driver.find_elements(By.CSS_SELECTOR, "#article mark.cited")
    check(len(marks) > 20, f"the article opens with cited passages marked ({len(marks)})")
    great = [m for m in marks if m.text.startswith("Finally, Chinese strategists")]
    check(great and "off-map" not in great[0].get_attribute("class"),
          "a sentence quoted by a shown and a hidden relation opens the shown one")
    great[0].click()
    check("balance" in evidence.text and "United States" in evidence.text,
          "a click on a cited passage opens its relation")
    check(driver.find_element(By.CSS_SELECTOR, "aside.side").get_attribute("tabindex") == "0",
          "the evidence pane takes keyboard focus, to scroll it by keys")
    if SHOT:
        driver.find_element(By.CSS_SELECTOR, '[data-relation="cn-kz-energy"]')
        driver.execute_script(
            "document.getElementById('article').hidden = true;"
            "document.querySelector('[data-relation=\"cn-kz-energy\"]')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}));"
            "window.scrollTo(0, 0); document.querySelector('.side').scrollTop = 0;")
        driver.save_screenshot(SHOT)
        print(f"  screenshot: {SHOT}")
    check(remote_requests(driver) == [], "nothing is requested from anywhere")
    check(errors(driver) == [], f"no console errors {errors(driver)}")
    # Phone width: the evidence pane goes below the map.
    driver.set_window_size(420, 900)
    below = driver.execute_script(
        "var m = document.querySelector('.map').getBoundingClientRect();"
        "var s = document.querySelector('.side').getBoundingClientRect();"
        "return s.top >= m.bottom - 1;")
    check(below, "at phone width the evidence pane sits below the map")
    driver.set_window_size(1400, 1000)


def pair_lines(driver, folder):
    page = write_handout(folder, extra=["--links", "pair"], name="pair.html")
    driver.get(page.as_uri())
    evidence = driver.find_element(By.ID, "evidence")
    line = driver.find_element(By.CSS_SELECTOR, "[data-relation]")
    members = driver.execute_script(
        "var d = JSON.parse(document.getElementById('relmap-data').textContent);"
        "return d.lines[arguments[0]].length;", line.get_attribute("data-relation"))
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", line)
    index = driver.find_elements(By.CSS_SELECTOR, "#evidence ul.relations button")
    check(members < 2 or len(index) == members,
          f"a line standing for {members} relations opens with an index of them")
    check(errors(driver) == [], "no console errors")


def hostile_map(driver, folder):
    dataset = folder / "evil.relmap.json"
    text = f"China and Kazakhstan talk {EVIL} every year."
    dataset.write_text(json.dumps({
        "format": "relmap/1", "title": EVIL,
        "source": {"title": EVIL, "author": EVIL, "text": text},
        "actors": [{"id": "cn", "name": "China " + EVIL, "kind": "state"},
                   {"id": "kz", "name": "Kazakhstan", "kind": "state"}],
        "relations": [{"id": "cn-kz", "source": "cn", "target": "kz", "label": EVIL,
                       "passages": [{"quote": f"China and Kazakhstan talk {EVIL} every year",
                                     "note": EVIL}]}],
    }), encoding="utf-8")
    page = write_handout(folder, dataset)
    driver.get(page.as_uri())
    line = driver.find_element(By.CSS_SELECTOR, '[data-relation="cn-kz"]')
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", line)
    driver.find_element(By.ID, "read-article").click()
    driver.find_element(By.ID, "search").send_keys("script")
    check(driver.execute_script("return window.pwned === undefined;"),
          "the hostile map runs nothing")
    check(EVIL in driver.find_element(By.ID, "evidence").text,
          "and shows its markup as text")
    check(len(driver.find_elements(By.CSS_SELECTOR, "img, main svg svg, #evidence script")) == 0,
          "no element was made from the data")
    check(remote_requests(driver) == [], "nothing is requested from anywhere")


def story(driver, page):
    """The shipped map's storyboard as the page's Story: each step its caption, its relation's
    passages and the actors outside it faded; the whole map back."""
    driver.get(page.as_uri())
    steps = driver.find_elements(By.CSS_SELECTOR, "#story [data-step]")
    check(len(steps) == 4, f"the Story lists the storyboard's steps ({len(steps)})")
    data = json.loads(driver.find_element(By.ID, "relmap-data").get_attribute("textContent"))
    evidence = driver.find_element(By.ID, "evidence")
    for n, step in enumerate(data["story"]):
        steps[n].click()
        box = driver.find_element(By.ID, "story-step")
        check(step["title"] in box.text and step["caption"] in box.text,
              f"step {n + 1} shows its title and caption")
        first = step["relation"]["passages"][0]["quote"]
        check(first in evidence.text, f"step {n + 1} opens its relation's first passage")
        faded = [a.get_attribute("data-actor")
                 for a in driver.find_elements(By.CSS_SELECTOR, "[data-actor].faded")]
        if step["focus"]:
            check(faded and not set(faded) & set(step["focus"]),
                  f"step {n + 1} fades the actors outside it ({', '.join(faded)})")
        else:
            check(not faded, f"step {n + 1} shows the whole map")
        check(steps[n].get_attribute("aria-current") == "step", f"step {n + 1} is marked current")
    driver.find_element(By.XPATH, "//nav[@id='story']//button[text()='Whole map']").click()
    check(not driver.find_elements(By.CSS_SELECTOR, ".faded"), "Whole map fades nothing")
    check(errors(driver) == [], f"no console errors {errors(driver)}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        page = write_handout(folder)
        driver = browser()
        try:
            print("shipped map:")
            shipped_map(driver, page)
            print("story:")
            story(driver, page)
            print("one line per pair:")
            pair_lines(driver, folder)
            print("hostile map:")
            hostile_map(driver, folder)
        finally:
            driver.quit()
    print("handout browser test: passed")


if __name__ == "__main__":
    main()
