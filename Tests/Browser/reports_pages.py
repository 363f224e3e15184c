"""An owner reads the reports in headless Chromium: the summary, the agents' ratings and the topics, with
the server-rendered SVG charts loaded as images under the console session; then regroups by agent.
Screenshots go to --screenshots. Exit status 0 when every step held; otherwise a message naming the step.

Run by BrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_kit import after_click, arguments, browser, shot, sign_in, step


def main():
    args = arguments("--email", "--password")
    driver = browser(1280, 1400)
    try:
        step("the owner signs in", sign_in(driver, args.base_url, "console", args.email, args.password, "queues") is not None)
        driver.find_element(By.ID, "nav-reports").click()
        step("the reports page opens", after_click(driver, "summary", "/console/reports") is not None)
        for chart in ("chart-sla", "chart-csat", "chart-topics"):
            loaded = driver.execute_script(
                "var i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 0;", chart)
            step(f"the {chart} SVG is served and drawn", loaded)
        step("the agents' ratings are listed", "Анна" in driver.find_element(By.ID, "agents").text)
        shot(driver, args.screenshots, "console-reports")
        Select(driver.find_element(By.ID, "group-by")).select_by_value("agent")
        driver.find_element(By.ID, "show-report").click()
        step("regrouped by agent", after_click(driver, "summary", "group_by=agent") is not None
             and "Анна" in driver.find_element(By.ID, "summary").text)
        shot(driver, args.screenshots, "console-reports-by-agent")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
