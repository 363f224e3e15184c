"""A requester uses the portal in headless Chromium: signs in, submits a request, sees it arrive as a
ticket (the intake worker runs next to the server), opens it and replies. Screenshots of each page go
to --screenshots. Exit status 0 when every step held; otherwise a message naming the step.

Run by BrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
import argparse
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}",
                 "--lang=ru"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ru"})
    # The driver path is given, so Selenium Manager never goes to the network.
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)

    def shot(driver, name):
        driver.save_screenshot(os.path.join(args.screenshots, f"{name}.png"))

    def step(name, condition, detail=""):
        if not condition:
            print(f"step failed: {name} {detail}", file=sys.stderr)
            sys.exit(1)
        print(f"ok: {name}")

    def after_click(element_id, url_part=None):
        """The element on the page a click led to (a form post answers with a redirect and a new page)."""
        try:
            if url_part:
                WebDriverWait(driver, 30).until(expected_conditions.url_contains(url_part))
            return WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.ID, element_id)))
        except TimeoutException:
            return None

    driver = browser(1280, 900)
    try:
        driver.get(args.base_url + "/portal")
        step("an anonymous visit lands on the sign-in page", driver.current_url.endswith("/portal/login"), driver.current_url)
        shot(driver, "portal-login")
        driver.find_element(By.ID, "email").send_keys(args.email)
        driver.find_element(By.ID, "password").send_keys("wrong password")
        driver.find_element(By.ID, "sign-in").click()
        error = after_click("error")
        step("a wrong password is refused with a message", error is not None and "Неверная" in error.text)
        driver.find_element(By.ID, "password").send_keys(args.password)
        driver.find_element(By.ID, "sign-in").click()
        step("signed in", after_click("no-requests") is not None, driver.current_url)

        driver.find_element(By.ID, "subject").send_keys("Не пришла выплата")
        driver.find_element(By.CSS_SELECTOR, "#category option[value='payment']").click()
        driver.find_element(By.ID, "body").send_keys("Сделка G-77 закрыта вчера, а выплата продавцу так и не пришла.")
        shot(driver, "portal-new-request")
        driver.find_element(By.ID, "send").click()
        flash = after_click("flash", "sent=1")
        step("the request is received", flash is not None and "получено" in flash.text)

        deadline = time.time() + 90  # a hang guard: the intake worker usually takes well under a second
        while time.time() < deadline:
            links = driver.find_elements(By.CSS_SELECTOR, "#requests a")
            if links:
                break
            time.sleep(0.5)
            driver.get(args.base_url + "/portal")
        step("the request appears as a ticket", bool(links))
        shot(driver, "portal-requests")
        links[0].click()
        step("the ticket page opens", after_click("ticket-title") is not None)
        step("the ticket page shows the message", "выплата продавцу так и не пришла" in driver.page_source)
        driver.find_element(By.ID, "reply-body").send_keys("Номер сделки G-77, сумма 15000.")
        driver.find_element(By.ID, "reply").click()
        flash = after_click("flash", "sent=1")
        step("the reply is sent", flash is not None and "отправлено" in flash.text)
        shot(driver, "portal-ticket")

        driver.set_window_size(390, 844)
        driver.get(args.base_url + "/portal")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        step("usable on a phone-sized screen (no sideways scrolling)", width <= 390, f"scrollWidth {width}")
        shot(driver, "portal-phone")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
