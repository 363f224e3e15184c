"""An owner sees the complaint that the accused agent cannot, in headless Chromium: the agent signs in,
the complaint is in none of their queues and its page answers "not found"; the owner signs in, finds it
on /console/complaints with the agent named, and opens it. Then the admin and ops pages, with
screenshots of each to --screenshots. Exit status 0 when every step held.

Run by OwnerBrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
from selenium.webdriver.common.by import By

from browser_kit import after_click, arguments, browser, shot, sign_in, step


def main():
    args = arguments("--agent", "--owner", "--password", "--complaint", "--subject")
    driver = browser(1280, 900)
    try:
        step("the accused agent signs in", sign_in(driver, args.base_url, "console", args.agent, args.password, "queue-mine") is not None,
             driver.current_url)
        step("the complaint is in none of the agent's queues", args.subject not in driver.page_source)
        step("the agent has no complaints menu entry", not driver.find_elements(By.CSS_SELECTOR, "a[href='/console/complaints']"))
        shot(driver, args.screenshots, "console-accused-queue")
        driver.get(f"{args.base_url}/console/tickets/{args.complaint}")
        step("the complaint's page does not exist for the agent",
             driver.find_elements(By.ID, "error") and args.subject not in driver.page_source and not driver.find_elements(By.ID, "ticket-title"))
        driver.get(f"{args.base_url}/console/complaints")
        step("the complaints list is closed to the agent", args.subject not in driver.page_source)
        driver.delete_all_cookies()

        step("the owner signs in", sign_in(driver, args.base_url, "console", args.owner, args.password, "queue-mine") is not None,
             driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "a[href='/console/complaints']").click()
        step("the complaints page opens", after_click(driver, "complaints", "/console/complaints") is not None)
        links = [link for link in driver.find_elements(By.CSS_SELECTOR, "#complaints a.complaint") if link.text == args.subject]
        step("the owner sees the complaint", bool(links), driver.page_source[:500])
        step("it says whom it names", "Анна" in driver.find_element(By.CSS_SELECTOR, "#complaints td.named").text)
        shot(driver, args.screenshots, "console-complaints")
        links[0].click()
        step("the owner opens it", after_click(driver, "ticket-title", f"/console/tickets/{args.complaint}") is not None)
        step("the complaint's thread is shown", "грубит" in driver.page_source)
        shot(driver, args.screenshots, "console-complaint")

        driver.get(f"{args.base_url}/console/admin")
        step("the admin page opens", after_click(driver, "admin-staff") is not None and args.agent in driver.page_source)
        shot(driver, args.screenshots, "console-admin")
        driver.get(f"{args.base_url}/console/ops")
        step("the ops page opens", after_click(driver, "ops-queues") is not None and driver.find_elements(By.ID, "ops-workers"))
        shot(driver, args.screenshots, "console-ops")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
