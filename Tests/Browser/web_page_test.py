#!/usr/bin/env python3
"""The web page at `/` of `tessera serve`, driven in headless Chromium (Docs/SERVICE.md, "Web page").

Builds a temporary database from the bundled sample with the CLI (TMX/seed-article.en-de-fr-tr.tmx
and Glossaries/defence.tbx, as Scripts/quickstart.sh does), makes an admin key, starts the real
`.build/debug/tessera serve --port 0` (no anonymous reading, so the page must ask for the key) and
drives the page as a translator does: types the key, a sentence and Enter, reads the matches and
their percentages, searches the concordance, looks terms up, lists the memories, uploads a TMX
file and exports the memory; then the same on a 360 px wide phone screen. Any console error that
is not an expected HTTP answer fails the test.

Steps that need an endpoint the server does not publish in its OpenAPI document (named memories,
import jobs, export: other branches of issue 11) are skipped with a message, or fail with
`--require-all`.

    python3 Tests/Browser/web_page_test.py [--binary .build/debug/tessera] [--screenshots] [--require-all]

Needs chromium and chromium-driver (Debian) and selenium (PyPI). `--screenshots` writes
Docs/screenshots/*.png.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

os.environ.setdefault("SE_AVOID_STATS", "true")  # else Selenium Manager tries to reach the internet

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE_TMX = os.path.join(ROOT, "TMX", "seed-article.en-de-fr-tr.tmx")
SAMPLE_TBX = os.path.join(ROOT, "Glossaries", "defence.tbx")
SCREENSHOTS = os.path.join(ROOT, "Docs", "screenshots")

# A sentence of the sample memory with two words changed: a fuzzy match with differing words.
FUZZY_QUERY = "The Secretary General also underscored the urgency of increasing weapons industry output."
FUZZY_SOURCE = "The Secretary General also underscored the urgency of increasing defense industry production."
# A sentence only the uploaded file holds.
UPLOADED_EN = "The lighthouse keeper counts forty-two seagulls every single morning."
UPLOADED_DE = "Der Leuchtturmwärter zählt jeden Morgen zweiundvierzig Möwen."
UPLOAD_TMX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="web_page_test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="en"><seg>{UPLOADED_EN}</seg></tuv><tuv xml:lang="de"><seg>{UPLOADED_DE}</seg></tuv></tu>
  </body>
</tmx>
"""


class Skip(Exception):
    """A step that cannot run against this server (an endpoint of another branch is missing)."""


class Server:
    """`tessera serve` on a free port over a temporary database made from the bundled sample."""

    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = folder
        self.db = os.path.join(folder, "tessera.db")
        self.process = None
        self.url = None
        self.key = None
        self.log = open(os.path.join(folder, "serve.log"), "w")

    def cli(self, *arguments):
        result = subprocess.run([self.binary, *arguments, "--db", self.db], capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"tessera {' '.join(arguments)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self):
        self.cli("import", SAMPLE_TMX)
        self.cli("glossary", "import", SAMPLE_TBX)
        found = re.search(r"tsr_[0-9a-f]{64}", self.cli("key", "create", "--scope", "admin"))
        if not found:
            raise RuntimeError("tessera key create printed no key")
        self.key = found.group(0)
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", "0", "--db", self.db], stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            found = re.search(r"listening on (http://\S+)", line)
            if found:
                self.url = found.group(1).replace("0.0.0.0", "127.0.0.1")
                return
        raise RuntimeError("tessera serve did not print 'listening on': see " + self.log.name)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                code = self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise RuntimeError("tessera serve did not stop within 30 s of SIGTERM")
            if code != 0:
                raise RuntimeError(f"tessera serve exited {code} on SIGTERM")
        self.log.close()

    def get(self, path, headers=None):
        """(status, headers, body bytes) of a GET with the admin key."""
        request = urllib.request.Request(self.url + path, headers={"Authorization": "Bearer " + self.key, **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def routes(self):
        status, _, body = self.get("/api/v1/openapi.json")
        assert status == 200, f"/api/v1/openapi.json answered {status}"
        paths = json.loads(body)["paths"]
        return {f"{method.upper()} {path}" for path, operations in paths.items() for method in operations}


class Browser:
    """Chromium through chromium-driver, with the console log and downloads into a folder."""

    def __init__(self, downloads):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--disable-gpu", "--no-first-run", "--disable-background-networking"]:
            options.add_argument(argument)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.add_experimental_option("prefs", {
            "download.default_directory": downloads, "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        })
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        self.downloads = downloads

    def by_id(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def wait(self, condition, message, timeout=20):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(lambda driver: condition())
        except TimeoutException:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}") from None

    def text(self, element_id):
        return self.by_id(element_id).text

    def search(self, element_id, text, results):
        """Types `text` into the field and presses Enter; waits for the results to settle."""
        field = self.by_id(element_id)
        field.clear()
        field.send_keys(text + Keys.ENTER)
        self.wait(lambda: self.by_id(results).get_attribute("aria-busy") == "false" and self.by_id(results).text.strip(),
                  f"results in #{results}")

    def targets(self, wanted):
        """Ticks exactly the target languages in `wanted`; returns the ones that were ticked."""
        ticked = set()
        for box in self.driver.find_elements(By.CSS_SELECTOR, "#target-list input"):
            language = box.get_attribute("value")
            if box.is_selected():
                ticked.add(language)
            if box.is_selected() != (language in wanted):
                box.click()
        return ticked

    def tab(self, name):
        self.by_id("tab-" + name).click()
        self.wait(lambda: self.by_id("view-" + name).is_displayed(), f"the {name} view")

    def screenshot(self, name, enabled):
        if enabled:
            os.makedirs(SCREENSHOTS, exist_ok=True)
            path = os.path.join(SCREENSHOTS, name + ".png")
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            width = self.driver.get_window_size()["width"]
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": self.driver.execute_script("return window.innerWidth"), "height": min(max(height, 600), 2400),
                "deviceScaleFactor": 1, "mobile": width < 500})
            self.driver.save_screenshot(path)
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            print(f"    screenshot {os.path.relpath(path, ROOT)}")

    def console(self):
        """The console entries since the last call."""
        return self.driver.get_log("browser")

    def quit(self):
        self.driver.quit()


class Run:
    """The steps, in order, against one server and one browser."""

    def __init__(self, server, browser, arguments):
        self.server = server
        self.browser = browser
        self.screenshots = arguments.screenshots
        self.routes = server.routes()
        self.allowed = []  # (status, path) console errors the current step expects

    def needs(self, *routes):
        missing = [route for route in routes if route not in self.routes]
        if missing:
            raise Skip("the server does not publish " + ", ".join(missing) + " (branch not merged yet)")

    def stats(self):
        status, _, body = self.server.get("/api/v1/stats")
        assert status == 200, status
        return json.loads(body)

    def open(self):
        """Loads the page; the server needs a key, so the page asks for it once."""
        b = self.browser
        b.driver.get(self.server.url + "/#lookup")
        self.allowed = [(401, "/api/v1/memories"), (401, "/api/v1/stats")]
        b.wait(lambda: b.by_id("key-form").is_displayed(), "the key form (the server answered 401)")
        assert "API key" in b.text("key-reason"), b.text("key-reason")
        assert b.driver.switch_to.active_element == b.by_id("key-input"), "the key field has the focus"
        b.by_id("key-input").send_keys(self.server.key + Keys.ENTER)
        b.wait(lambda: not b.by_id("key-form").is_displayed() and b.driver.find_elements(By.CSS_SELECTOR, "#memory-list li"),
               "the memories after the key")
        assert b.driver.execute_script("return localStorage.getItem('tessera.apiKey')") == self.server.key
        assert b.by_id("source").get_attribute("value") == "en", "English is the default source language"
        targets = {box.get_attribute("value"): box.is_selected() for box in b.driver.find_elements(By.CSS_SELECTOR, "#target-list input")}
        assert targets == {"de": True, "fr": True, "tr": True}, f"every target language is ticked: {targets}"
        assert "version" in b.text("server-info")

    def lookup(self):
        b = self.browser
        b.tab("lookup")
        b.search("lookup-q", FUZZY_QUERY, "lookup-results")
        cards = b.driver.find_elements(By.CSS_SELECTOR, "#lookup-results .match")
        assert len(cards) >= 3, f"a match per target language, got {len(cards)}: {b.text('lookup-results')}"
        scores = [int(card.find_element(By.CSS_SELECTOR, ".score").text.rstrip("%")) for card in cards]
        assert scores == sorted(scores, reverse=True) and all(75 <= s < 100 for s in scores), scores
        first = cards[0]
        assert first.find_element(By.CSS_SELECTOR, ".source").text == FUZZY_SOURCE
        pairs = {card.find_element(By.CSS_SELECTOR, ".pair").text for card in cards}
        assert {"en → de", "en → fr", "en → tr"} <= pairs, pairs
        german = next(card for card in cards if card.find_element(By.CSS_SELECTOR, ".pair").text == "en → de")
        assert "Generalsekretär" in german.find_element(By.CSS_SELECTOR, ".target").text
        marked = [mark.text for mark in first.find_elements(By.CSS_SELECTOR, ".query mark")]
        assert "weapons" in marked and "output" in marked, f"the differing words are marked: {marked}"
        assert "match" in b.text("lookup-results").split("\n")[0]
        print(f"    {len(cards)} matches, {scores}, marked {marked}")
        b.screenshot("lookup", self.screenshots)

    def lookup_exact_one_target(self):
        """Unticking targets narrows the lookup; an exact sentence comes back at 100 %."""
        b = self.browser
        before = b.targets({"de"})
        try:
            b.search("lookup-q", FUZZY_SOURCE, "lookup-results")
            cards = b.driver.find_elements(By.CSS_SELECTOR, "#lookup-results .match")
            assert [card.find_element(By.CSS_SELECTOR, ".pair").text for card in cards] == ["en → de"], b.text("lookup-results")
            assert cards[0].find_element(By.CSS_SELECTOR, ".score").text in ("100%", "101%"), cards[0].text
            assert not cards[0].find_elements(By.CSS_SELECTOR, ".query mark")
        finally:
            b.targets(before)

    def keyboard(self):
        """The tabs move with the arrow keys; Enter in a field searches (used above)."""
        b = self.browser
        b.tab("lookup")
        b.by_id("tab-lookup").send_keys(Keys.ARROW_RIGHT)
        b.wait(lambda: b.by_id("view-concordance").is_displayed(), "ArrowRight to open Concordance")
        assert b.driver.switch_to.active_element == b.by_id("tab-concordance")
        b.driver.switch_to.active_element.send_keys(Keys.END)
        b.wait(lambda: b.by_id("view-memories").is_displayed(), "End to open Memories")
        b.driver.switch_to.active_element.send_keys(Keys.HOME)
        b.wait(lambda: b.by_id("view-lookup").is_displayed(), "Home to open Lookup")
        assert b.by_id("tab-lookup").get_attribute("aria-selected") == "true"
        assert b.driver.execute_script("return location.hash") == "#lookup"

    def concordance(self):
        b = self.browser
        b.tab("concordance")
        b.search("concordance-q", "production lines", "concordance-results")
        lines = b.driver.find_elements(By.CSS_SELECTOR, "#concordance-results .line")
        assert lines, b.text("concordance-results")
        marks = [mark.text.lower() for mark in b.driver.find_elements(By.CSS_SELECTOR, "#concordance-results .hit mark")]
        assert "production lines" in marks, f"the hit is highlighted: {marks}"
        assert re.search(r"Showing \d+ of \d+ segment", b.text("concordance-results"))
        print(f"    {len(lines)} lines, marks {marks[:3]}")
        b.screenshot("concordance", self.screenshots)

    def term_lookup(self):
        b = self.browser
        b.tab("terms")
        b.search("term-q", "Secretary General", "terms-results")
        concept = b.driver.find_elements(By.CSS_SELECTOR, "#terms-results .concept")[0]
        head = concept.find_element(By.CSS_SELECTOR, ".card-head")
        assert head.find_element(By.CSS_SELECTOR, ".term-text").text == "Secretary General"
        assert head.find_element(By.CSS_SELECTOR, ".status").text.lower() == "preferred"
        assert "senior official" in concept.find_element(By.CSS_SELECTOR, ".definition").text
        targets = {t.find_element(By.CSS_SELECTOR, ".term-text").text: t.find_element(By.CSS_SELECTOR, ".status").text.lower()
                   for t in concept.find_elements(By.CSS_SELECTOR, ".term")}
        assert targets.get("Generalsekretär") == "preferred" and targets.get("Generalsekretärin") == "admitted", targets
        print(f"    {len(targets)} target terms")

    def terms_in(self):
        b = self.browser
        b.search("terms-in-q", "We need more shifts, more production lines.", "terms-results")
        marks = [mark.text for mark in b.driver.find_elements(By.CSS_SELECTOR, "#terms-results .sentence mark")]
        assert marks, b.text("terms-results")
        statuses = [s.text.lower() for s in b.driver.find_elements(By.CSS_SELECTOR, "#terms-results .status")]
        assert "preferred" in statuses, statuses
        print(f"    terms {marks}")
        b.screenshot("terms", self.screenshots)

    def errors_in_words(self):
        """A request without a (valid) key: the API's message is shown and the key asked again."""
        b = self.browser
        b.driver.execute_script("localStorage.removeItem('tessera.apiKey')")
        b.by_id("key-button").click()
        b.by_id("key-input").send_keys("tsr_" + "0" * 64 + Keys.ENTER)
        self.allowed = [(401, "/api/v1/memories"), (401, "/api/v1/stats"), (401, "/api/v1/term")]
        b.wait(lambda: b.by_id("key-form").is_displayed() and "unknown API key" in b.text("key-reason"), "the 401 in words")
        b.by_id("key-input").send_keys(self.server.key + Keys.ENTER)
        b.wait(lambda: not b.by_id("key-form").is_displayed() and not b.text("app-error"), "the key accepted again")
        b.wait(lambda: b.driver.execute_script("return document.body.dataset.ready") == "true"
               and b.driver.find_elements(By.CSS_SELECTOR, "#target-list input"), "the settings again")
        b.tab("terms")
        before = b.targets(set())
        try:
            b.by_id("term-q").send_keys(Keys.ENTER)
            b.wait(lambda: "Choose at least one target language" in b.text("terms-error"), "the no-target message")
        finally:
            b.targets(before)
        b.search("term-q", "Secretary General", "terms-results")
        assert not b.text("terms-error")

    def memories_list(self):
        """Works on every server: `GET /api/v1/memories`, or `default` from the stats."""
        b = self.browser
        stats = self.stats()
        b.tab("memories")
        b.wait(lambda: b.driver.find_elements(By.CSS_SELECTOR, "#memories-results tbody tr"), "the memory table")
        row = b.driver.find_element(By.CSS_SELECTOR, '#memories-results tr[data-memory="default"]')
        units = row.find_elements(By.CSS_SELECTOR, "td")[0].text
        assert units.replace(",", "") == str(stats["units"]), f"{units} units shown, {stats['units']} in the memory"
        assert "de" in row.text and "en" in row.text
        caption = b.driver.find_element(By.CSS_SELECTOR, "#memories-results caption").text
        expected = "The memories of this server" if "GET /api/v1/memories" in self.routes else "This server serves one memory"
        assert caption == expected, caption
        print(f"    default: {units} units ({caption})")
        b.screenshot("memories", self.screenshots)  # taken again after the upload, when that step runs

    def create_memory(self):
        self.needs("POST /api/v1/memories", "GET /api/v1/memories")
        b = self.browser
        b.tab("memories")
        b.by_id("create-name").send_keys("uploads" + Keys.ENTER)
        b.wait(lambda: b.driver.find_elements(By.CSS_SELECTOR, '#memories-results tr[data-memory="uploads"]'), "the new memory")
        assert b.driver.find_elements(By.CSS_SELECTOR, '#memory-list li[data-memory="uploads"]')

    def upload(self):
        self.needs("POST /api/v1/import", "GET /api/v1/jobs/{id}")
        b = self.browser
        b.tab("memories")
        path = os.path.join(self.server.folder, "lighthouse.tmx")
        with open(path, "w", encoding="utf-8") as file:
            file.write(UPLOAD_TMX)
        before = self.stats()["units"]
        b.by_id("upload-file").send_keys(path)
        b.by_id("upload-policy").send_keys("keep")
        b.driver.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]").click()
        b.wait(lambda: b.by_id("upload-form").get_attribute("data-state") in ("done", "failed"), "the import job", timeout=60)
        assert b.by_id("upload-form").get_attribute("data-state") == "done", b.text("upload-error")
        assert b.by_id("upload-progress").get_attribute("value") == "100"
        assert "Imported lighthouse.tmx" in b.text("upload-status"), b.text("upload-status")
        if "GET /api/v1/memories" not in self.routes or b.by_id("upload-memory").get_attribute("value") == "default":
            assert self.stats()["units"] == before + 1
        b.tab("lookup")
        b.search("lookup-q", UPLOADED_EN, "lookup-results")
        card = b.driver.find_elements(By.CSS_SELECTOR, "#lookup-results .match")[0]
        assert card.find_element(By.CSS_SELECTOR, ".target").text == UPLOADED_DE, b.text("lookup-results")
        assert card.find_element(By.CSS_SELECTOR, ".score").text in ("100%", "101%")
        b.tab("memories")
        b.screenshot("memories", self.screenshots)

    def export(self):
        self.needs("GET /api/v1/export")
        b = self.browser
        b.tab("memories")
        for name in os.listdir(b.downloads):
            os.remove(os.path.join(b.downloads, name))
        b.driver.find_element(By.CSS_SELECTOR, '#memories-results button.export[data-memory="default"][data-format="tmx"]').click()
        b.wait(lambda: "Downloaded" in b.text("export-status") or b.text("memories-error"), "the export")
        assert "Downloaded default.tmx" in b.text("export-status"), b.text("memories-error")
        b.wait(lambda: "default.tmx" in os.listdir(b.downloads), "default.tmx in the download folder")
        with open(os.path.join(b.downloads, "default.tmx"), encoding="utf-8") as file:
            exported = file.read()
        assert "<tmx" in exported and FUZZY_SOURCE in exported
        status, headers, body = self.server.get("/api/v1/export?format=tmx&memory=default")
        assert status == 200 and "attachment" in headers.get("Content-Disposition", ""), (status, headers)
        # The same export (a TMX header may carry the time, so the bytes are not compared).
        assert FUZZY_SOURCE in body.decode("utf-8") and abs(len(body) - len(exported.encode("utf-8"))) < 200, "the browser saved what the link answers"
        print(f"    default.tmx: {len(body)} bytes")

    def phone(self):
        """A 360 x 740 screen: the page fits its width, searching works, the tabs are reachable."""
        b = self.browser
        b.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
        b.driver.get("about:blank")  # a new document (the same URL with another hash would not reload)
        b.driver.get(self.server.url + "/#lookup")
        b.wait(lambda: b.driver.find_elements(By.CSS_SELECTOR, "#memory-list li"), "the page on the phone")
        assert b.driver.execute_script("return window.innerWidth") == 360
        assert not b.by_id("settings").get_attribute("open"), "the settings are folded on a phone"
        b.search("lookup-q", FUZZY_QUERY, "lookup-results")
        overflow = b.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow} px wider than the phone"
        for view in ["concordance", "terms", "memories"]:
            tab = b.by_id("tab-" + view)
            b.driver.execute_script("arguments[0].scrollIntoView()", tab)
            tab.click()
            b.wait(lambda: b.by_id("view-" + view).is_displayed(), f"the {view} view on a phone")
            assert b.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0, view
        b.tab("lookup")
        if self.screenshots:
            os.makedirs(SCREENSHOTS, exist_ok=True)
            b.driver.save_screenshot(os.path.join(SCREENSHOTS, "phone-lookup.png"))
            print("    screenshot Docs/screenshots/phone-lookup.png")
        b.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def check_console(self, step):
        """Fails on any console entry of level SEVERE except the HTTP answers the step expects."""
        problems = []
        for entry in self.browser.console():
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            found = re.match(r"(\S+) - Failed to load resource: the server responded with a status of (\d+)", message)
            if found and entry.get("source") == "network":
                path = urllib.parse.urlsplit(found.group(1)).path
                status = int(found.group(2))
                if (status, path) in self.allowed:
                    continue
                if status == 404 and path == "/api/v1/memories" and "GET /api/v1/memories" not in self.routes:
                    continue  # the page falls back to the stats
            problems.append(message)
        self.allowed = []
        assert not problems, f"console errors during {step}: {problems}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "tessera"))
    parser.add_argument("--screenshots", action="store_true", help="write Docs/screenshots/*.png")
    parser.add_argument("--require-all", action="store_true", help="a skipped step is a failure")
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        print(f"web_page_test: no {arguments.binary}: build first (swift build)")
        return 1
    folder = tempfile.mkdtemp(prefix="tessera-web-")
    downloads = os.path.join(folder, "downloads")
    os.makedirs(downloads)
    server = Server(arguments.binary, folder)
    browser = None
    failed, skipped, passed = [], [], []
    try:
        server.start()
        browser = Browser(downloads)
        run = Run(server, browser, arguments)
        steps = [
            ("open the page and give the key", run.open),
            ("lookup: sentence + Enter, percentages, differing words", run.lookup),
            ("lookup: one target, exact match", run.lookup_exact_one_target),
            ("keyboard: tabs with the arrow keys", run.keyboard),
            ("concordance with highlights", run.concordance),
            ("term lookup with status and definition", run.term_lookup),
            ("terms in a sentence", run.terms_in),
            ("errors in words (bad key, no target)", run.errors_in_words),
            ("memories list with counts", run.memories_list),
            ("create a memory", run.create_memory),
            ("upload a TMX file, wait for the job, look it up", run.upload),
            ("download an export", run.export),
            ("phone width (360 px)", run.phone),
        ]
        for name, step in steps:
            started = time.time()
            try:
                step()
                run.check_console(name)
                passed.append(name)
                print(f"ok    {name} ({time.time() - started:.1f} s)")
            except Skip as skip:
                run.check_console(name)
                skipped.append(name)
                print(f"skip  {name}: {skip}")
            except Exception as error:  # noqa: BLE001 - every failure is reported, then the next step runs
                failed.append(name)
                print(f"FAIL  {name}: {error}")
                traceback.print_exc(limit=3)
                try:
                    browser.console()
                    browser.driver.save_screenshot(os.path.join(folder, re.sub(r"\W+", "-", name) + ".png"))
                except Exception:  # noqa: BLE001
                    pass
    finally:
        if browser:
            browser.quit()
        try:
            server.stop()
        except RuntimeError as error:
            failed.append(str(error))
            print(f"FAIL  {error}")
    if failed:
        print(f"web_page_test: FAILED {len(failed)} of {len(failed) + len(passed) + len(skipped)} steps; log and screenshots in {folder}")
        return 1
    if skipped and arguments.require_all:
        print(f"web_page_test: FAILED: {len(skipped)} steps skipped with --require-all")
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    print(f"web_page_test: passed {len(passed)} steps" + (f", skipped {len(skipped)}" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
