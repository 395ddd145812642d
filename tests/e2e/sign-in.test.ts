// Signing in to a control center without development sign-in, as production runs: the screen offers the token
// form alone (no demo tenants, no error about them), and a token minted for a person signs them in.
import { signToken } from '@syncline/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestControlCenter } from '../support/control-center';
import { sharedBrowser } from '../support/shared-browser';

describe('sign-in without development sign-in', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;

  beforeAll(async () => {
    center = await startTestControlCenter({ devSignIn: false });
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('shows only "Sign in with a token", and a minted token signs in', async () => {
    expect(center.accounts).toEqual([]);
    expect((await fetch(new URL('/dev/tokens', center.url))).status).toBe(404);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const asked = page.waitForResponse((response) => new URL(response.url()).pathname === '/dev/tokens');
    await page.goto(center.url);

    await page.getByText('Sign in with a token').waitFor();
    // the screen has had the server's answer about demo tenants (none): nothing about them, and no error
    expect((await asked).status()).toBe(404);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await page.getByRole('main').textContent()).not.toMatch(
      /Demo tenants|development sign-in|HTTP 404|Asking the server/i,
    );
    expect(await page.getByRole('button', { name: /Northwind Laundry/ }).count()).toBe(0);

    const token = await signToken({ secret: center.secret, tenant: 'northwind-laundry', sub: 'ana', ttl: '1h' });
    await page.getByRole('textbox', { name: 'Token' }).fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  });
});
