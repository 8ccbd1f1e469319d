import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium, headless, with the flags this machine needs: no sandbox (it runs as root), no GPU,
// and no traffic of its own. CHROMIUM_PATH overrides the binary.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(moreFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...moreFlags], headless: true });
}
