"""An arbiter decides a dispute in headless Chromium: signs in, opens their disputes, opens the one under
review, sees both parties' evidence, submits a decision with reasons. The Swift test then checks the
dispute's new state and the audit row. Screenshots of each page go to --screenshots.

Run by RoleBrowserTests (Tests/SupportAPITests/Pages) against a live server on real PostgreSQL.
"""
from selenium.webdriver.common.by import By

from browser_kit import after_click, arguments, browser, shot, sign_in, step


def main():
    args = arguments("--email", "--password", "--dispute", "--buyer-evidence", "--seller-evidence")
    driver = browser(1280, 900)
    try:
        step("signed in", sign_in(driver, args.base_url, "console", args.email, args.password, "nav-disputes") is not None, driver.current_url)
        driver.find_element(By.ID, "nav-disputes").click()
        link = after_click(driver, f"dispute-{args.dispute}", "/console/disputes")
        step("the dispute is listed", link is not None, driver.page_source[:500])
        shot(driver, args.screenshots, "console-disputes")
        link.click()
        step("the dispute page opens", after_click(driver, "dispute-title", f"/console/disputes/{args.dispute}") is not None)
        buyer = driver.find_elements(By.ID, f"evidence-{args.buyer_evidence}")
        seller = driver.find_elements(By.ID, f"evidence-{args.seller_evidence}")
        step("the buyer's evidence is shown", len(buyer) == 1 and "чек" in buyer[0].text, driver.page_source[:300])
        step("the seller's evidence is shown", len(seller) == 1 and "трек" in seller[0].text)
        step("the deadline counts down", driver.find_element(By.ID, "dispute-deadline").text not in ("", "—"))
        shot(driver, args.screenshots, "console-dispute")
        driver.find_element(By.CSS_SELECTOR, "#dispute-action option[value='decide']").click()
        driver.find_element(By.CSS_SELECTOR, "#dispute-outcome option[value='refund_buyer']").click()
        driver.find_element(By.ID, "dispute-text").send_keys("Продавец не доказал отправку: трек-номер не найден у перевозчика.")
        driver.find_element(By.ID, "dispute-submit").click()
        decision = after_click(driver, "dispute-decision", "done=1")
        step("the decision is shown with its reasons", decision is not None and "трек-номер" in decision.text,
             driver.page_source[:500] if decision is None else decision.text)
        shot(driver, args.screenshots, "console-dispute-decided")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
