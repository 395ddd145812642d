// Reading a file this device did not capture from the server, for as long as it takes: a photo another device took
// may not be uploaded yet, the session may need signing in again, the server may ask for a pause or be out of reach.
// Each is a wait with its own words (`onWait`), then the server is asked again after a growing delay, capped (the
// queue's backoff), until the bytes come or the caller gives up (its signal).
import { NO_THUMBNAIL, type THUMBNAIL_SIZE } from '@syncline/protocol';
import type { Backoff } from '../backoff';
import { readToken, retryAfterMs, type TokenSource } from '../graphql-transport';

/** Why a file is not here yet. */
export type FileWaitReason =
  /** 404: the device that took it has not uploaded it yet */
  | 'not-uploaded'
  /** 401: the server did not accept the session's token */
  | 'signed-out'
  /** 403: this role may not read the collection's files */
  | 'not-allowed'
  /** 429: the server asked for a pause (its Retry-After is kept) */
  | 'busy'
  /** no network, or the server out of reach */
  | 'offline'
  /** the server failed to send it (5xx) */
  | 'server';

/** A read waiting: why, in words a person can act on. */
export interface FileWait {
  reason: FileWaitReason;
  message: string;
}

export interface FileReadOptions {
  /** ends the waiting: the read rejects with the signal's reason */
  signal?: AbortSignal;
  /** called before each wait, with why the file is not here yet */
  onWait?: (wait: FileWait) => void;
  /** `thumbnail`: the server's small preview of an image (the file itself when it has none) */
  size?: typeof THUMBNAIL_SIZE;
}

export interface ServerFileRead {
  address: string;
  /** the address of the file's preview, asked first: a file without one is then read whole */
  preview?: string;
  token: TokenSource;
  send: typeof fetch;
  /** this read's own backoff (the queue wakes it when the network comes back) */
  backoff: Backoff;
  signal: AbortSignal;
  onWait?: (wait: FileWait) => void;
}

const signedOut: FileWait = {
  reason: 'signed-out',
  message: 'Sign in again to see it: the server did not accept this session.',
};

type Answer = { blob: Blob } | { wait: FileWait; retryAfterMs?: number } | { noPreview: true };

async function askOnce(address: string, { token, send, signal }: ServerFileRead): Promise<Answer> {
  let authorization: string;
  try {
    authorization = `Bearer ${await readToken(token)}`;
  } catch {
    // no token to be had: the session needs signing in again, whatever the network does
    return { wait: signedOut };
  }
  let response: Response;
  try {
    response = await send(address, { signal, headers: { authorization } });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const message = 'Offline: it shows once the network is back.';
    return { wait: { reason: 'offline', message: error instanceof TypeError ? message : String(error) } };
  }
  if (response.ok) return { blob: await response.blob() };
  const body = (await response.json().catch(() => ({}))) as { error?: string; code?: string };
  switch (response.status) {
    case 404:
      if (body.code === NO_THUMBNAIL) return { noPreview: true };
      return { wait: { reason: 'not-uploaded', message: 'Waiting for the other device…' } };
    case 401:
      return { wait: signedOut };
    case 403:
      return { wait: { reason: 'not-allowed', message: body.error ?? 'Your role may not see this file.' } };
    case 429: {
      const waitMs = retryAfterMs(response.headers.get('retry-after'), undefined);
      const message = `The server asked for a pause; it is asked again in ${Math.max(1, Math.ceil(waitMs / 1000))} s.`;
      return { wait: { reason: 'busy', message }, retryAfterMs: waitMs };
    }
    default:
      return {
        wait: {
          reason: 'server',
          message: body.error ?? `The server could not send it (HTTP ${response.status}); it is asked again.`,
        },
      };
  }
}

/** The file's bytes from the server, asked again after each wait until they come; rejects only when `signal` ends it. */
export async function readFromServer(read: ServerFileRead): Promise<Blob> {
  let address = read.preview ?? read.address;
  for (;;) {
    read.signal.throwIfAborted();
    const answer = await askOnce(address, read);
    if ('blob' in answer) return answer.blob;
    if ('noPreview' in answer) {
      address = read.address;
      continue;
    }
    read.onWait?.(answer.wait);
    read.backoff.failed(answer.retryAfterMs);
    await read.backoff.wait();
  }
}
