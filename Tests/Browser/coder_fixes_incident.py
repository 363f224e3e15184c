"""A coder fixes an incident in headless Chromium: signs in, opens the incidents, opens the one with two
linked reports, marks it fixed with a note. The Swift test then checks that each linked requester's
notification was queued. Screenshots of each page go to --screenshots.

Run by RoleBrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
from selenium.webdriver.common.by import By

from browser_kit import after_click, arguments, browser, shot, sign_in, step


def main():
    args = arguments("--email", "--password", "--incident", "--reports")
    reports = args.reports.split(",")
    driver = browser(1280, 900)
    try:
        step("signed in", sign_in(driver, args.base_url, "console", args.email, args.password, "nav-incidents") is not None, driver.current_url)
        driver.find_element(By.ID, "nav-incidents").click()
        link = after_click(driver, f"incident-{args.incident}", "/console/incidents")
        step("the incident is listed", link is not None, driver.page_source[:500])
        shot(driver, args.screenshots, "console-incidents")
        link.click()
        step("the incident page opens", after_click(driver, "incident-title", f"/console/incidents/{args.incident}") is not None)
        for report in reports:
            step(f"linked report {report} is shown", len(driver.find_elements(By.ID, f"linked-{report}")) == 1)
        shot(driver, args.screenshots, "console-incident")
        driver.find_element(By.ID, "fix-note").send_keys("Исправлено в релизе 2.4: выплаты снова проходят.")
        driver.find_element(By.ID, "mark-fixed").click()
        flash = after_click(driver, "flash", "told=")
        step("the fix is confirmed with the number of requesters told", flash is not None and flash.text.endswith(str(len(reports))),
             flash.text if flash else driver.current_url)
        step("the form is gone once fixed", len(driver.find_elements(By.ID, "mark-fixed")) == 0)
        shot(driver, args.screenshots, "console-incident-fixed")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
