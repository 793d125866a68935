import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/stack/provision-chromium';

/**
 * Debian's Chromium headless shell, with a fresh profile (playwright makes one per launch). The flags keep it
 * off the network this machine does not have: background services would retry refused connections.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM_PATH,
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
 * submenu opens with an animation, and on a loaded machine a click made while it runs can miss its item.
 */
export async function openFromMenu(page: Page, group: string, item: string, url: string): Promise<void> {
  const menu = page.getByTestId('side-menu');
  const link = menu.getByText(item);
  const clickThrough = async () => {
    if (!(await link.isVisible())) await menu.getByText(group).click();
    await link.click();
  };
  await clickOnceMoreIfMissed(clickThrough, clickThrough, (timeout) => page.waitForURL(url, { timeout }));
}

/**
 * Clicks `target` and waits for `shown`. On a loaded machine a click made while the page is still laying out
 * can miss (seen once in a clean-clone run: ‹ 返回 of the H5 side panel's chat, whose list never came back).
 */
export async function clickUntilShown(target: Locator, shown: Locator): Promise<void> {
  await clickOnceMoreIfMissed(
    () => target.click(),
    // Only if it is still there: a click that landed may just be slow to show its result.
    async () => {
      if (await target.isVisible()) await target.click();
    },
    (timeout) => shown.waitFor({ timeout }),
  );
}

/**
 * A click, then what it brings, waited for 10 s; failing that, a person clicks again, and so does this, once:
 * what it brings must come then (within the wait's own default timeout).
 */
async function clickOnceMoreIfMissed(
  click: () => Promise<void>,
  clickAgain: () => Promise<void>,
  arrived: (timeout?: number) => Promise<unknown>,
): Promise<void> {
  await click();
  const came = await arrived(10_000).then(
    () => true,
    () => false,
  );
  if (came) return;
  await clickAgain();
  await arrived();
}
