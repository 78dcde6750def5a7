"""Real-browser end-to-end test of `sohoa serve` (issue 6), driven by Selenium with Debian's chromium.

Run by Tests/SohoaCLITests/BrowserEndToEndTests.swift, which makes the archive, the accounts and the
server; this script only uses the web pages, as people do:

1. a reader who is not signed in opens a restricted item by its URL and is sent to sign in;
2. an archivist signs in, opens the review queue, corrects a word on a page with the keyboard and
   the form, saves and approves it;
3. the corrected word is found by the public search typed without diacritics;
4. the reader opens a public item; a manager's dashboard shows the reader's visit, search and item
   view (issue 18's usage statistics, written by the server every 5 seconds); screenshots of the
   review page, the dashboard (top, and its readers' section) and the search result are written to
   the screenshot folder.

Usage: review_flow.py CONFIG.json   (keys: base, archivist, manager, password, restricted_item,
restricted_title, corrected_word, search_words, screenshots, public_item)
Exit 0 when every step passed; otherwise prints the failed step and exits 1.
"""

import json
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from flow import Flow


class ReviewFlow(Flow):
    def steps(self):
        config = self.config
        self.step("a reader cannot open a restricted item by its URL")
        self.open("/items/" + config["restricted_item"])
        assert "/login" in self.driver.current_url, f"restricted item served to a reader: {self.driver.current_url}"
        assert config["restricted_title"] not in self.driver.page_source, "restricted title shown to a reader"

        self.step("an archivist signs in and opens the first page of the review queue")
        self.sign_in(config["archivist"])
        self.open("/review")
        first = self.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "table.queue a")))
        first.click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "input.line-input")))
        review_url = self.driver.current_url
        boxes = self.driver.find_elements(By.CSS_SELECTOR, "#scan span.w[data-x]")
        assert boxes, "no recognized words drawn over the page image"

        self.step("the archivist replaces the first word of the first line and saves with Ctrl+S")
        line = self.driver.find_elements(By.CSS_SELECTOR, "input.line-input")[0]
        line.click()
        # Select the first word (as a double-click would), then type over it on the keyboard.
        self.driver.execute_script(
            "const e = arguments[0]; const end = e.value.indexOf(' '); e.setSelectionRange(0, end < 0 ? e.value.length : end);",
            line)
        line.send_keys(config["corrected_word"])
        line.send_keys(Keys.CONTROL, "s")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
        value = self.driver.find_elements(By.CSS_SELECTOR, "input.line-input")[0].get_attribute("value")
        assert value.startswith(config["corrected_word"]), f"the saved line is {value!r}"
        self.screenshot("review")

        self.step("the archivist approves the page with Ctrl+Enter")
        line = self.driver.find_elements(By.CSS_SELECTOR, "input.line-input")[0]
        saved_page = self.driver.find_element(By.TAG_NAME, "html")
        line.click()
        line.send_keys(Keys.CONTROL, Keys.ENTER)
        # The page still shows the Save's notice: wait for the approval's answer to replace the
        # page, or the reader's next request would race the form's POST.
        self.wait.until(EC.staleness_of(saved_page))
        self.wait.until(lambda d: d.current_url != review_url or d.find_elements(By.CSS_SELECTOR, ".notice"))

        self.step("a reader finds the corrected word without diacritics")
        self.sign_out()
        self.open("/")
        try:
            box = WebDriverWait(self.driver, 20).until(EC.presence_of_element_located((By.NAME, "q")))
        except Exception:
            print(f"the home page has no search box; it says: {self.driver.page_source[:2000]}", flush=True)
            raise
        box.send_keys(config["search_words"])
        box.send_keys(Keys.ENTER)
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark")))
        marks = [m.text for m in self.driver.find_elements(By.CSS_SELECTOR, "mark")]
        assert any(config["corrected_word"] in m for m in marks), f"corrected word not highlighted: {marks}"
        self.screenshot("search")

        self.step("the reader opens a public item")
        self.open("/items/" + config["public_item"])
        self.wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))

        self.step("a manager opens the dashboard and sees the reader's visit, search and item view")
        self.sign_in(config["manager"])
        # The server writes what it counted every 5 seconds (the archivist's page views may be
        # written before the reader's search): reload until the reader's item view is there.
        deadline = time.time() + 30
        while True:
            self.open("/dashboard")
            self.wait.until(EC.presence_of_element_located((By.TAG_NAME, "svg")))
            figures = {
                key: self.driver.find_element(By.CSS_SELECTOR, f'dd[data-usage="{key}"]').text
                for key in ["item-views", "searches", "downloads"]
            }
            if figures["item-views"] != "0" or time.time() > deadline:
                break
            time.sleep(2)
        # The archivist and the reader used the same browser within 30 minutes: one visit.
        visits = self.driver.find_element(By.CSS_SELECTOR, 'dd[data-usage="collection-visits"]').text
        assert visits.startswith("1 / 10.000"), f"visits shown: {visits!r}"
        assert figures == {"item-views": "1", "searches": "1", "downloads": "0"}, f"usage shown: {figures}"
        self.screenshot("dashboard")
        self.driver.execute_script("document.getElementById('usage').scrollIntoView()")
        self.screenshot("dashboard-usage")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.exit(ReviewFlow(json.load(handle)).run())
