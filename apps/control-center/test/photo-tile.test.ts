// What a photo's tile says, from this device's upload or from reading the server's copy: the person sees red only
// where they must act (sign in again after a 401, a role refused with a 403), and why any other photo is not here yet.
import { describe, expect, it } from 'vitest';
import { photoTileView } from '../src/lib/attachments';

describe('a photo tile', () => {
  it("follows this device's own upload, with the reason it waits or failed", () => {
    expect(photoTileView({ status: 'pending', progress: 0, problem: 'Offline: waiting for the network' }, {})).toEqual({
      state: 'pending',
      reason: 'Offline: waiting for the network',
    });
    expect(photoTileView({ status: 'uploading', progress: 0.5 }, {})).toEqual({ state: 'uploading' });
    expect(photoTileView({ status: 'failed', reason: 'The server refused it: too large' }, {})).toEqual({
      state: 'failed',
      reason: 'The server refused it: too large',
    });
    // the device's upload wins over what reading the server said
    expect(
      photoTileView(
        { status: 'uploaded' },
        { wait: { reason: 'not-uploaded', message: 'Waiting for the other device' } },
      ).state,
    ).toBe('uploaded');
  });

  it("shows another device's photo once the server's copy is read", () => {
    expect(photoTileView(undefined, { url: 'blob:photo' })).toEqual({ state: 'uploaded' });
  });

  it('cannot be shown, in red, when the session is refused (401) or the role may not read the file (403)', () => {
    const signedOut = { reason: 'signed-out' as const, message: 'Sign in again to see this photo.' };
    const notAllowed = { reason: 'not-allowed' as const, message: 'Your role may not see these photos.' };
    expect(photoTileView(undefined, { wait: signedOut })).toEqual({ state: 'unavailable', reason: signedOut.message });
    expect(photoTileView(undefined, { wait: notAllowed })).toEqual({
      state: 'unavailable',
      reason: notAllowed.message,
    });
  });

  it('waits, saying why, for a photo not there yet (not uploaded, offline, a pause, a server error)', () => {
    for (const reason of ['not-uploaded', 'offline', 'busy', 'server'] as const) {
      const wait = { reason, message: `why: ${reason}` };
      expect(photoTileView(undefined, { wait })).toEqual({ state: 'waiting', reason: wait.message });
    }
    expect(photoTileView(undefined, {})).toEqual({ state: 'waiting', reason: 'Looking for it…' });
  });
});
