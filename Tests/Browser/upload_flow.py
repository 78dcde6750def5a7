"""Real-browser test of the web upload of `sohoa serve` (issue 15), driven by Selenium with Debian's chromium.

Run by Tests/SohoaCLITests/BrowserEndToEndTests+Upload.swift, which makes the archive, the scanner's
account, the batch folder and the server (with its batch service); this script only uses the web pages:

1. a district library's scanner signs in and follows "Gửi lô" in the navigation to the upload form;
2. she picks the batch folder and an items.csv and sends them;
3. the server answers with the status page, which says it has the batch;
4. she reloads the status page until the batch is archived.
Screenshots upload.png (the filled form) and submission-archived.png go to the screenshot folder.

Usage: upload_flow.py CONFIG.json   (keys: base, scanner, password, folder, items, batch_name,
screenshots, timeout)
Exit 0 when every step passed; otherwise prints the failed step and exits 1.
"""

import json
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from flow import Flow


class UploadFlow(Flow):
    failure_screenshot = "upload-failure"

    def steps(self):
        config = self.config
        self.step("a scanner signs in and opens the upload form from the navigation")
        self.sign_in(config["scanner"])
        self.open("/")
        link = self.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "header nav a[href='/submissions/upload']")))
        assert link.text == "Gửi lô", f"the navigation link says {link.text!r}"
        link.click()
        folder = self.wait.until(EC.presence_of_element_located((By.ID, "f-files")))
        assert folder.get_attribute("webkitdirectory") is not None, "the folder field does not pick folders"

        self.step("she picks the batch folder and an items.csv and sends them")
        folder.send_keys(config["folder"])
        self.driver.find_element(By.ID, "f-items").send_keys(config["items"])
        picked = self.driver.execute_script("return document.getElementById('f-files').files.length")
        assert picked >= 2, f"the browser picked {picked} files from the folder"
        self.screenshot("upload")
        self.driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()

        self.step("the status page says the server has the batch")
        self.wait.until(lambda d: "/submissions?sent=" in d.current_url)
        notice = self.driver.find_element(By.CSS_SELECTOR, "p.notice").text
        assert "Máy chủ đã nhận lô" in notice, f"no notice after sending: {notice!r}"
        submission = self.driver.current_url.split("sent=")[1]
        row_selector = f"tr#submission-{submission}"
        row = self.driver.find_element(By.CSS_SELECTOR, row_selector)
        assert config["batch_name"] in row.text, f"the row does not name the batch: {row.text!r}"

        self.step("she reloads the status page until the batch is archived")
        deadline = time.time() + config.get("timeout", 240)
        states = []
        while True:
            row = self.driver.find_element(By.CSS_SELECTOR, row_selector)
            state = row.get_attribute("class")
            if not states or states[-1] != state:
                states.append(state)
                print(f"state: {state}: {row.text}", flush=True)
            if state == "state-archived":
                break
            assert state != "state-failed", f"the batch failed: {row.text}"
            assert time.time() < deadline, f"not archived in time; states seen: {states}"
            time.sleep(2)
            self.driver.refresh()
        assert "đã lưu trữ" in row.text, f"the archived state is not shown in Vietnamese: {row.text!r}"
        self.screenshot("submission-archived")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.exit(UploadFlow(json.load(handle)).run())
