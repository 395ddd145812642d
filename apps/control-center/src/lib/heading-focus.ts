// Where focus goes when a page appears. After the person moved to a page (a link, the palette, the browser's back
// button) or signed in, focus lands on the page's heading: a screen reader announces where they are, and the next
// Tab starts in the page instead of at the top of the header. On a first load (a typed URL, a reload) focus stays at
// the start of the document, so the skip link is the first thing Tab reaches.

let signedIn = false;
let lastKey: string | undefined;
let lastHeading: HTMLElement | undefined;

/** Called as the person signs in: the first page after it takes focus on its heading. */
export function focusHeadingAfterSignIn(): void {
  signedIn = true;
}

/**
 * A page's heading has mounted for this location (React Router's `location.key`, "default" for the document's first
 * entry): focus it if the person has just arrived. Once per location, except that a heading that had focus and lost it
 * to nothing (hidden by a Suspense boundary while the page's data opened, or mounted again in place of the one that
 * had it) takes it back.
 */
export function headingShown(locationKey: string, heading: HTMLElement): void {
  // a document's first page is a load (a typed URL, a reload, even of a later history entry), not an arrival
  const navigated = lastKey !== undefined && locationKey !== lastKey;
  const arrived = signedIn || navigated;
  const replaced =
    locationKey === lastKey &&
    lastHeading !== undefined &&
    (lastHeading === heading || !lastHeading.isConnected) &&
    noFocus(heading.ownerDocument);
  signedIn = false;
  lastKey = locationKey;
  if (!arrived && !replaced) return;
  // never take focus from something the person has moved to while the page loaded (a menu, a field, a link); only
  // from nothing, or from the link that brought them to this page
  const active = heading.ownerDocument.activeElement;
  if (!noFocus(heading.ownerDocument) && !(navigated && active instanceof HTMLAnchorElement)) return;
  heading.focus({ preventScroll: true });
  lastHeading = heading;
}

function noFocus(document: Document): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
