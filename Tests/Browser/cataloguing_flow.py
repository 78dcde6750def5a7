"""Real-browser test of cataloguing in `sohoa serve` (issue 14), driven by Selenium with Debian's chromium.

Run by Tests/SohoaCLITests/BrowserEndToEndTests+Cataloguing.swift, which makes the archive, the
accounts and the server, and afterwards checks the archive; this script only uses the web pages:

1. an archivist signs in, opens the item's description form ("Sửa mô tả"), changes its title and saves;
2. on the structure page she labels the pages by a rule, checks the labels it fills in, types a
   two-level table of contents on the thumbnails (a chapter and its sections) and saves;
3. a reader who is not signed in searches the item's text without diacritics and sees the new title;
4. the reader opens the item page and sees the printed page labels and the nested contents list.
Screenshots metadata.png, structure.png and item-contents.png go to the screenshot folder.

Usage: cataloguing_flow.py CONFIG.json   (keys: base, archivist, password, item, new_title,
search_words, rules, labels, contents, screenshots; `labels` is the list the rules must give,
`contents` a list of [scan, level, title])
Exit 0 when every step passed; otherwise prints the failed step and exits 1.
"""

import json
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from flow import Flow


class CataloguingFlow(Flow):
    def field(self, name):
        return self.driver.find_element(By.NAME, name)

    def retype(self, name, text):
        element = self.field(name)
        element.clear()
        element.send_keys(text)
        return element

    def saved_notice(self):
        notice = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
        assert "problem" not in (notice.get_attribute("class") or ""), f"refused: {notice.text}"
        return notice.text

    def steps(self):
        config = self.config
        item = config["item"]
        self.step("an archivist signs in and changes the item's title in its description form")
        self.sign_in(config["archivist"])
        self.open(f"/items/{item}/metadata")
        self.retype("title", config["new_title"])
        self.driver.find_element(By.CSS_SELECTOR, "form.metadata button[type=submit]").click()
        self.wait.until(lambda d: "saved=" in d.current_url)
        notice = self.saved_notice()
        assert "Đã lưu" in notice, f"no saved notice after the title change: {notice!r}"
        value = self.field("title").get_attribute("value")
        assert value == config["new_title"], f"the form shows the title {value!r} after saving"
        self.screenshot("metadata")

        self.step("she labels the pages by a rule on the structure page")
        self.open(f"/items/{item}/structure")
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.structure-pages")))
        thumbnails = self.driver.find_elements(By.CSS_SELECTOR, "table.structure-pages img")
        assert len(thumbnails) == len(config["labels"]), f"{len(thumbnails)} thumbnails for {len(config['labels'])} scans"
        self.retype("rules", config["rules"])
        self.driver.find_element(By.CSS_SELECTOR, "button[value=rules]").click()
        self.saved_notice()
        labels = [self.field(f"label.{n}").get_attribute("value") for n in range(1, len(config["labels"]) + 1)]
        assert labels == config["labels"], f"the rules gave the labels {labels}"

        self.step("she types a two-level table of contents on the thumbnails and saves")
        for scan, level, title in config["contents"]:
            Select(self.field(f"s.{scan}.0.level")).select_by_value(str(level))
            Select(self.field(f"s.{scan}.0.type")).select_by_value("chapter" if level == 1 else "section")
            self.retype(f"s.{scan}.0.title", title)
        self.driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        self.wait.until(lambda d: "saved=" in d.current_url)
        self.saved_notice()
        labels = [self.field(f"label.{n}").get_attribute("value") for n in range(1, len(config["labels"]) + 1)]
        assert labels == config["labels"], f"the saved labels are {labels}"
        for scan, level, title in config["contents"]:
            shown = self.field(f"s.{scan}.0.title").get_attribute("value")
            chosen = Select(self.field(f"s.{scan}.0.level")).first_selected_option.get_attribute("value")
            assert (shown, chosen) == (title, str(level)), f"scan {scan} shows {shown!r} at level {chosen} after saving"
        # Every thumbnail is served (the lazy ones once scrolled to); the whole page in one picture.
        self.driver.set_window_size(1400, 1200)
        self.driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        self.wait.until(lambda d: d.execute_script(
            "return [...document.querySelectorAll('table.structure-pages img')].every(i => i.complete && i.naturalWidth > 0)"))
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshot("structure")
        self.driver.set_window_size(1400, 1000)

        self.step("a reader finds the item by its text and sees the new title")
        self.sign_out()
        self.open("/")
        box = self.field("q")
        box.send_keys(config["search_words"])
        box.send_keys(Keys.ENTER)
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark")))
        assert config["new_title"] in self.driver.page_source, "the search results do not show the new title"

        self.step("the item page shows the page labels and the nested contents")
        self.open(f"/items/{item}")
        contents = self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.item-contents")))
        top = [e.text.split("\n")[0] for e in contents.find_elements(By.CSS_SELECTOR, ":scope > ol > li")]
        nested = [e.text for e in contents.find_elements(By.CSS_SELECTOR, ":scope > ol > li > ol > li > a")]
        want_top = [title for _, level, title in config["contents"] if level == 1]
        want_nested = [title for _, level, title in config["contents"] if level == 2]
        assert top == want_top and nested == want_nested, f"contents shown: {top} / {nested}"
        link = contents.find_element(By.CSS_SELECTOR, "a").get_attribute("href")
        assert "#page-" in link, f"a contents entry does not jump to its page: {link}"
        headings = [h.text for h in self.driver.find_elements(By.TAG_NAME, "h2")]
        for label in config["labels"]:
            assert any(h.startswith(f"Trang {label}") for h in headings), f"no page headed 'Trang {label}': {headings}"
        assert config["new_title"] in self.driver.title or config["new_title"] in self.driver.page_source, "no new title on the item page"
        self.screenshot("item-contents")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.exit(CataloguingFlow(json.load(handle)).run())
