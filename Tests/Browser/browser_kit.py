"""Shared pieces of the browser scenarios: headless Debian Chromium, steps that fail with a message
naming the step, waiting for the page a form post leads to, and screenshots for review."""
import argparse
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def browser(width=1280, height=900, lang="ru"):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}",
                 f"--lang={lang}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    # The driver path is given, so Selenium Manager never goes to the network.
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def arguments(*extra):
    """--base-url and --screenshots, plus the scenario's own required options."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--screenshots", required=True)
    for name in extra:
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    return args


def step(name, condition, detail=""):
    if not condition:
        print(f"step failed: {name} {detail}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {name}")


def shot(driver, directory, name):
    driver.save_screenshot(os.path.join(directory, f"{name}.png"))


def after_click(driver, element_id, url_part=None, timeout=30):
    """The element on the page a click led to (a form post answers with a redirect and a new page)."""
    try:
        if url_part:
            WebDriverWait(driver, timeout).until(expected_conditions.url_contains(url_part))
        return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((By.ID, element_id)))
    except TimeoutException:
        return None


def sign_in(driver, base_url, area, email, password, landing_id):
    """Signs in on /portal/login or /console/login; returns the landing page's element or None."""
    driver.get(f"{base_url}/{area}/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in").click()
    return after_click(driver, landing_id)
