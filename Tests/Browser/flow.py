"""What every real-browser flow of the end-to-end tests shares (Tests/SohoaCLITests/BrowserEndToEndTests*).

A flow is given a JSON config (at least `base`, `password`, `screenshots`) and implements `steps()`;
`run()` drives Debian's chromium headless through them, prints "browser flow: passed" or the failure
with the page it happened on (and a screenshot), and returns the process's exit code.
"""

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--lang=vi"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Flow:
    def __init__(self, config):
        self.config = config
        self.base = config["base"].rstrip("/")
        self.driver = browser()
        self.wait = WebDriverWait(self.driver, 20)

    def step(self, name):
        print(f"step: {name}", flush=True)

    def open(self, path):
        self.driver.get(self.base + path)

    def sign_in(self, name):
        self.open("/login")
        self.driver.find_element(By.NAME, "name").send_keys(name)
        password = self.driver.find_element(By.NAME, "password")
        password.send_keys(self.config["password"])
        password.send_keys(Keys.ENTER)
        self.wait.until(lambda d: "/login" not in d.current_url)

    def sign_out(self):
        self.driver.delete_all_cookies()

    def screenshot(self, name):
        path = f'{self.config["screenshots"]}/{name}.png'
        self.driver.save_screenshot(path)
        print(f"screenshot: {path}", flush=True)

    # The screenshot taken of the page where a step failed.
    failure_screenshot = "failure"

    def steps(self):
        raise NotImplementedError

    def run(self):
        try:
            self.steps()
            print("browser flow: passed", flush=True)
            return 0
        except Exception as error:  # noqa: BLE001 - report any failure as the step's
            print(f"browser flow: FAILED: {type(error).__name__}: {error}", flush=True)
            print(f"at {self.driver.current_url}", flush=True)
            try:
                self.screenshot(self.failure_screenshot)
            except Exception:  # noqa: BLE001
                pass
            return 1
        finally:
            self.driver.quit()
