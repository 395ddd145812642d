// New record ids written on this device: a kind prefix, the time and a random tail, so two devices writing offline
// at the same moment never pick the same id.

/** "cus-mi3k2x1a-4f9zq0": `prefix`, then the time in base 36, then six random characters. */
export function recordId(prefix: string, now = Date.now()): string {
  return `${prefix}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
