import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with a fresh profile (playwright makes one per launch). The flags keep it
 * off the network this machine does not have: background services would retry refused connections.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the admin's login page as a person does, and waits to leave it (the landing page is I-11's). */
export async function logIn(page: Page, baseUrl: string, phone: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Opens a page from the side menu as a person does: the group, then its item, and waits for `url`. The group's
 * submenu opens with an animation, and on a loaded machine a click made while it runs can miss its item; a person
 * clicks again, and so does this, once. The page must open then.
 */
export async function openFromMenu(page: Page, group: string, item: string, url: string): Promise<void> {
  const menu = page.getByTestId('side-menu');
  const link = menu.getByText(item);
  const clickThrough = async () => {
    if (!(await link.isVisible())) await menu.getByText(group).click();
    await link.click();
  };
  await clickThrough();
  const opened = await page.waitForURL(url, { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (opened) return;
  await clickThrough();
  await page.waitForURL(url);
}

/**
 * Clicks `target` and waits for `shown`. On a loaded machine a click made while the page is still laying out
 * can miss (seen once in a clean-clone run: ‹ 返回 of the H5 side panel's chat, whose list never came back); a
 * person clicks again, and so does this, once, if `target` is still there. `shown` must appear then.
 */
export async function clickUntilShown(target: Locator, shown: Locator): Promise<void> {
  await target.click();
  const appeared = await shown.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (appeared) return;
  if (await target.isVisible()) await target.click();
  await shown.waitFor();
}
