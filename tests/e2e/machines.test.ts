// An operator trusts the machines page at a glance: every card says how fresh its data is; a machine silent for 17
// minutes is greyed, says "last seen" and Unknown; a filter by type survives a reload; grouping by site heads each
// site's machines; a machine's page opens from its card and from a dashboard alarm, its telemetry charts grow as
// reports arrive and its alarm history lists the most severe first; with this device offline every card says "as of"
// instead of "Online"; at 390 px no name or alarm code is cut, even a long name under the offline label.
import { controlCenterSchemas, type Machine } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { setOnline } from '../support/network';
import { signIn } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('machines journey', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: SyncClient;
  /** sorted by id, as the simulator takes them: it leaves the first two silent */
  let machines: Machine[];

  /** Has the simulator raise an alarm, as the machine would report it, and waits until the server holds it. */
  const raiseAlarm = async (machine: Machine, code: 'E-DRAIN' | 'E-VIBR') => {
    center.simulators['northwind-laundry']?.raiseAlarm(machine.id, code);
    await expect
      .poll(async () => {
        const held = (await server.pullAll<Machine>('machines', controlCenterSchemas.machines)).find(
          (each) => each.id === machine.id,
        );
        return held?.alarms.some((alarm) => alarm.code === code && alarm.acknowledgedAt == null);
      })
      .toBe(true);
  };
  const card = (machine: Machine) => page.getByRole('article', { name: new RegExp(`^${machine.name},`) });
  const cards = () => page.getByRole('article');

  beforeAll(async () => {
    // no alarms of the machines' own: the journey raises the ones it looks for
    center = await startTestControlCenter({ simulate: true, simulatorInterval: 300, simulatorAlarmChance: 0 });
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    machines = (await server.pullAll<Machine>('machines', controlCenterSchemas.machines)).sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    // The first machine has been silent for 17 minutes: its last report, as the server holds it, is that old.
    const silent = machines[0] as Machine;
    await server.push('machines', controlCenterSchemas.machines, [
      {
        assumedMasterState: { ...silent, _deleted: false },
        newDocumentState: { ...silent, lastSeenAt: Date.now() - 17 * 60_000, _deleted: false },
      },
    ]);
    browser = await sharedBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await page.getByRole('link', { name: 'Machines', exact: true }).click();
    // the first sync of a busy machine can take a while
    await cards().first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('shows a machine silent for 17 minutes as last seen, its state Unknown, while a reporting one is Online', async () => {
    const silent = card(machines[0] as Machine);
    // 17 minutes when the page opened; a busy machine may take a minute more to get here
    await expect.poll(() => silent.textContent()).toMatch(/last seen 1[78] min ago/);
    await expect.poll(() => silent.getAttribute('aria-label')).toBe(`${machines[0]?.name}, Unknown`);
    expect(await silent.locator('[data-slot="machine-state"]').textContent()).toBe('Unknown');
    expect(await silent.locator('[data-slot="machine-countdown"]').count()).toBe(0);
    await expect.poll(() => card(machines[2] as Machine).textContent()).toMatch(/Online/);
    // every card says how fresh its data is
    const freshness = await cards().evaluateAll((all) =>
      all.map((each) => each.querySelector('[data-slot="machine-connection"]')?.textContent ?? ''),
    );
    expect(freshness).toHaveLength(machines.length);
    for (const text of freshness) expect(text).toMatch(/^(Online|(Stale|Offline) · last seen .+ ago)$/);
    // greyed: its surface and its name's colour are not those of a card that reports
    const look = (machine: Machine) =>
      card(machine).evaluate((each) => {
        const name = each.querySelector('h3') as HTMLElement;
        return { surface: getComputedStyle(each).backgroundColor, name: getComputedStyle(name).color };
      });
    const [grey, live] = [await look(machines[0] as Machine), await look(machines[2] as Machine)];
    expect(grey.surface).not.toBe(live.surface);
    expect(grey.name).not.toBe(live.name);
  });

  it('filters by type from the filter bar, and a reload keeps the filter', async () => {
    const dryers = machines.filter((machine) => machine.kind === 'dryer');
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Dryers' }).click();
    await expect.poll(() => cards().count()).toBe(dryers.length);
    expect(new URL(page.url()).searchParams.get('type')).toBe('dryer');
    for (const text of await cards().allTextContents()) expect(text).toMatch(/Dryer ·/);
    expect(await page.getByText(`Showing ${dryers.length} of ${machines.length} machines`).count()).toBe(1);

    await page.reload();
    await cards().first().waitFor();
    await expect.poll(() => cards().count()).toBe(dryers.length);
    expect(await page.getByRole('combobox', { name: 'Type' }).textContent()).toMatch(/Dryers/);
    const names = await cards().evaluateAll((all) => all.map((each) => each.getAttribute('aria-label')));
    expect(names.map((name) => name?.split(',')[0]).sort()).toEqual(dryers.map((dryer) => dryer.name).sort());
  });

  it('groups the floor by site, and filters by the state the cards show', async () => {
    await page.goto(new URL('/machines', center.url).href);
    await cards().first().waitFor();
    await page.getByRole('combobox', { name: 'Group by' }).click();
    await page.getByRole('option', { name: 'Site' }).click();
    expect(new URL(page.url()).searchParams.get('group')).toBe('site');
    const sites = new Set(machines.map((machine) => machine.location));
    const headings = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect.poll(() => headings.count()).toBe(sites.size);
    // each site's machines under its heading, every machine once
    let listed = 0;
    for (const title of await headings.allTextContents()) {
      const region = page.getByRole('region', { name: title, exact: true });
      const count = await region.getByRole('article').count();
      expect(count).toBeGreaterThan(0);
      listed += count;
    }
    expect(listed).toBe(machines.length);

    // "Unknown" lists the machines whose data is not fresh, the one silent for 17 minutes among them
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Unknown' }).click();
    await expect.poll(() => card(machines[0] as Machine).count()).toBe(1);
    // each card keeps its own clock: one that has just gone quiet may take a tick to say Unknown too
    const names = () => cards().evaluateAll((all) => all.map((each) => each.getAttribute('aria-label')));
    await expect.poll(async () => (await names()).filter((name) => !name?.endsWith(', Unknown'))).toEqual([]);
  });

  it('opens a machine’s page from its card, with its alarm history, and acknowledges in place', async () => {
    const machine = machines[2] as Machine;
    await page.goto(new URL('/machines', center.url).href);
    // a major alarm, then a newer minor one: the major is listed first all the same
    await raiseAlarm(machine, 'E-DRAIN');
    await raiseAlarm(machine, 'E-VIBR');
    await card(machine).getByRole('link', { name: machine.name }).click();
    await page.getByRole('heading', { name: machine.name, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/machines/${machine.id}`);

    const history = page.getByRole('list', { name: 'Alarm history' });
    try {
      await expect.poll(() => history.textContent(), { timeout: 20_000 }).toMatch(/E-DRAIN · Drain pump blocked/);
    } catch (error) {
      // seen once under load: say what the page showed and what the server held, so a rerun is not the only clue
      const onServer = (await server.pullAll<Machine>('machines', controlCenterSchemas.machines)).find(
        (each) => each.id === machine.id,
      );
      console.error('machine page:', await page.locator('main').textContent());
      console.error('server alarms:', JSON.stringify(onServer?.alarms));
      throw error;
    }
    const codes = () =>
      history
        .locator('[data-slot="alarm-chip"]')
        .evaluateAll((chips) =>
          chips.map((chip) => chip.textContent?.match(/E-DRAIN|E-VIBR/)?.[0]).filter((code) => code !== undefined),
        );
    await expect.poll(codes).toEqual(['E-DRAIN', 'E-VIBR']);
    await history.getByRole('button', { name: 'Acknowledge major alarm E-DRAIN' }).click();
    await expect.poll(() => history.textContent()).toMatch(/Acknowledged/);
    // acknowledged goes quiet and below the open one
    await expect.poll(codes).toEqual(['E-VIBR', 'E-DRAIN']);
    expect(await history.getByRole('button', { name: 'Acknowledge major alarm E-DRAIN' }).count()).toBe(0);
    expect(await history.getByRole('button', { name: 'Acknowledge minor alarm E-VIBR' }).count()).toBe(1);

    // the charts are live: each report the machine sends adds a point (from a fresh load, far below the 30 kept)
    await page.reload();
    const chart = page.getByRole('img', { name: /^Temperature \(°C\), last \d+ reports?:/ });
    await chart.waitFor();
    const reports = async () => Number((await chart.getAttribute('aria-label'))?.match(/last (\d+) report/)?.[1]);
    const before = await reports();
    await expect.poll(reports, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await page.getByText(/cycles run since installation/).count()).toBe(1);
  });

  it('opens a machine’s page from a dashboard alarm', async () => {
    const machine = machines[3] as Machine;
    await raiseAlarm(machine, 'E-VIBR');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'E-VIBR' }).filter({ hasText: machine.name });
    await row.waitFor();
    await row.getByRole('link', { name: machine.name }).click();
    await page.getByRole('heading', { name: machine.name, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/machines/${machine.id}`);
    await expect
      .poll(() => page.getByRole('list', { name: 'Alarm history' }).textContent())
      .toMatch(/E-VIBR · Drum imbalance detected/);
  });

  it('says "as of" on every card instead of "Online" while this device is offline', async () => {
    await page.getByRole('link', { name: 'Machines', exact: true }).click();
    await cards().first().waitFor();
    await expect.poll(() => card(machines[2] as Machine).textContent()).toMatch(/Online/);
    await setOnline(context, false);
    try {
      await expect
        .poll(async () => (await cards().allTextContents()).filter((text) => /as of \d\d:\d\d/i.test(text)).length)
        .toBe(machines.length);
      expect((await cards().allTextContents()).filter((text) => /Online/.test(text))).toEqual([]);
    } finally {
      await setOnline(context, true);
    }
    await expect.poll(() => card(machines[2] as Machine).textContent()).toMatch(/Online/);
  });

  it('cuts no name or alarm code at 390 px: a long name under the offline label, the machine’s page, the dashboard', async () => {
    // a machine with a long name, silent (the simulator leaves the first two so), so it sits under the offline label
    const held = (await server.pullAll<Machine>('machines', controlCenterSchemas.machines)).find(
      (each) => each.id === machines[1]?.id,
    ) as Machine;
    const long = { ...held, name: 'Washer 12 (left bank, by the loading door of the basement)' };
    await server.push('machines', controlCenterSchemas.machines, [
      { assumedMasterState: { ...held, _deleted: false }, newDocumentState: { ...long, _deleted: false } },
    ]);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      /** Elements in the main area whose text is cut: clipped or ellipsed past their box, or wider than the page. */
      const cut = (root = page.getByRole('main')) =>
        root.evaluate((main) =>
          [...main.querySelectorAll<HTMLElement>('*')]
            .filter((each) => {
              const style = getComputedStyle(each);
              // visually hidden text (a legend for screen readers) is clipped on purpose
              if (each.getBoundingClientRect().width <= 1) return false;
              const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
              return (
                (clips && each.scrollWidth > each.clientWidth + 1) ||
                each.getBoundingClientRect().right > document.documentElement.clientWidth + 1
              );
            })
            .map(
              (each) => `${each.tagName} ${each.getAttribute('data-slot') ?? ''}: ${each.textContent?.slice(0, 60)}`,
            ),
        );
      /** Alarm codes broken over lines ("I- / FILTER"). */
      const brokenCodes = () =>
        page
          .locator('[data-slot="alarm-chip"] .font-mono')
          .evaluateAll((codes) =>
            codes
              .filter(
                (code) =>
                  code.getBoundingClientRect().height > Number.parseFloat(getComputedStyle(code).lineHeight) * 1.5,
              )
              .map((code) => code.textContent),
          );

      await page.goto(new URL('/machines', center.url).href);
      const longCard = page.getByRole('article', { name: new RegExp(`^${long.name.replace(/[()]/g, '\\$&')},`) });
      await longCard.waitFor();
      expect(await longCard.getByRole('heading', { level: 3 }).textContent()).toBe(long.name);
      expect(await longCard.locator('[data-slot="machine-connection"]').textContent()).toMatch(/last seen/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await cut()).toEqual([]);
      expect(await page.locator('[data-slot="alarm-chip"]').count()).toBeGreaterThan(0);
      expect(await brokenCodes()).toEqual([]);

      await page.goto(new URL(`/machines/${machines[2]?.id}`, center.url).href);
      await page.getByRole('list', { name: 'Alarm history' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await cut()).toEqual([]);
      expect(await brokenCodes()).toEqual([]);

      await page.goto(center.url);
      const alarms = page.getByRole('list', { name: 'Alarms, most severe first' });
      await alarms.waitFor();
      expect(await cut(alarms)).toEqual([]);
      expect(await brokenCodes()).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 1000 });
    }
  });
});
