// What the confirmation before discarding unsynced changes says, wherever a view offers Discard: one wording for
// the queue panel and for a single row, so a person reads the same consequence everywhere.

/** For one document's change; `label` names the document ("Order #1042"). */
export function discardOneCopy(label?: string) {
  return {
    title: label ? `Discard this change to ${label}?` : 'Discard this change?',
    description: 'It has not reached the server and will be removed from this device. The server copy stays as it is.',
  };
}

/** For every change still on the device. */
export function discardAllCopy(count: number) {
  return {
    title: `Discard all ${count} ${count === 1 ? 'change' : 'changes'}?`,
    description:
      'They have not reached the server and will be removed from this device. The server copies stay as they are.',
  };
}
