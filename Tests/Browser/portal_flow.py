"""A requester uses the portal in headless Chromium: signs in, submits a request, sees it arrive as a
ticket (the intake worker runs next to the server), opens it and replies. Screenshots of each page go
to --screenshots. Exit status 0 when every step held; otherwise a message naming the step.

Run by BrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
import time

from selenium.webdriver.common.by import By

from browser_kit import after_click as wait_for, arguments, browser, shot as save, step


def main():
    args = arguments("--email", "--password")

    def shot(driver, name):
        save(driver, args.screenshots, name)

    def after_click(element_id, url_part=None):
        return wait_for(driver, element_id, url_part)

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
