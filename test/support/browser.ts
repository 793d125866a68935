import { chromium, type Browser } from 'playwright-core';

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
