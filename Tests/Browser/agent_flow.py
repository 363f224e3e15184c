"""An agent works the console in headless Chromium: the queue is open when a requester submits a request
on the portal (a second browser), and the new ticket appears in the agent's queue without a reload
(Server-Sent Events). The agent opens it, answers with a canned reply and escalates it a line up.
Screenshots go to --screenshots. Exit status 0 when every step held; otherwise a message naming the step.

Run by BrowserTests (Tests/SupportAPITests/Pages) against a live server with intake and routing workers.
"""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_kit import after_click, arguments, browser, shot, sign_in, step


def main():
    args = arguments("--agent-email", "--requester-email", "--password")
    agent = browser(1280, 900)
    requester = browser(1280, 900)
    try:
        step("the agent signs in to the console", sign_in(agent, args.base_url, "console", args.agent_email, args.password, "queues") is not None)
        opened_at = agent.current_url
        shot(agent, args.screenshots, "console-queue-before")

        step("the requester signs in to the portal",
             sign_in(requester, args.base_url, "portal", args.requester_email, args.password, "no-requests") is not None)
        requester.find_element(By.ID, "subject").send_keys("Бот не отвечает на команды")
        requester.find_element(By.ID, "body").send_keys("С утра бот гаранта не реагирует на /deal, сделка висит.")
        requester.find_element(By.ID, "send").click()
        step("the request is received", after_click(requester, "flash", "sent=1") is not None)

        deadline = time.time() + 60  # a hang guard: intake, routing and the 2 s event stream take a few seconds
        link = []
        while time.time() < deadline and not link:
            link = agent.find_elements(By.XPATH, "//div[@id='queues']//a[contains(., 'Бот не отвечает на команды')]")
            time.sleep(0.3)
        step("the ticket appears in the open queue without a reload", bool(link) and agent.current_url == opened_at)
        shot(agent, args.screenshots, "console-queue-live")

        link[0].click()
        step("the ticket page opens", after_click(agent, "ticket-title") is not None)
        step("the thread shows the request", "сделка висит" in agent.page_source)
        Select(agent.find_element(By.ID, "macro")).select_by_visible_text("Проверяем бота")
        shot(agent, args.screenshots, "console-ticket")
        agent.find_element(By.ID, "apply-macro").click()
        flash = after_click(agent, "flash", "done=macro")
        step("the canned reply is sent", flash is not None and "Шаблон отправлен" in flash.text)
        step("the canned reply is in the thread", "уже проверяем бота" in agent.page_source)

        before = agent.find_element(By.ID, "ticket-line").text
        higher = {"L1": "L2", "L2": "L3"}.get(before)
        step("the ticket starts below L3", higher is not None, before)
        Select(agent.find_element(By.ID, "direction")).select_by_value("up")
        agent.find_element(By.ID, "escalate-reason").send_keys("Похоже на сбой бота, нужен L2")
        agent.find_element(By.ID, "escalate").click()
        flash = after_click(agent, "flash", "done=escalated")
        step("the ticket is escalated", flash is not None and agent.find_element(By.ID, "ticket-line").text == higher,
             agent.find_element(By.ID, "ticket-line").text if flash else "")
        shot(agent, args.screenshots, "console-ticket-escalated")

        agent.find_element(By.ID, "requester-account").click()
        step("the requester's account opens", after_click(agent, "requester-name") is not None)
        shot(agent, args.screenshots, "console-requester")

        agent.set_window_size(390, 844)
        agent.get(args.base_url + "/console")
        width = agent.execute_script("return document.documentElement.scrollWidth")
        step("the console queue is usable on a phone-sized screen (no sideways scrolling)", width <= 390, f"scrollWidth {width}")
        shot(agent, args.screenshots, "console-phone")
    finally:
        agent.quit()
        requester.quit()


if __name__ == "__main__":
    main()
