// Taking a device off the network in a test. Chromium's offline emulation (context.setOffline) alone is not
// enough: under load it has let a request through (in the packed app's journey, a push landed on the server from
// a device the test had taken offline, and the other device's edit then met it as a conflict). So while a context
// is offline every request it makes is also refused, as a real loss of network refuses it; a service worker still
// answers from its cache. WebSockets already open stay open (the emulation never closed them either).
import type { BrowserContext, Route } from 'playwright-core';

const refuse = (route: Route) => route.abort('internetdisconnected');

/** Takes the context off the network (`false`) or puts it back (`true`). */
export async function setOnline(context: BrowserContext, online: boolean): Promise<void> {
  if (online) {
    await context.unroute('**/*', refuse);
    await context.setOffline(false);
    return;
  }
  await context.setOffline(true);
  await context.route('**/*', refuse);
}
