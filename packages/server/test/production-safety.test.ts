// The rules behind production safety, each on its own: the server's own origin (the connection's scheme, and a
// proxy's forwarded headers only when trusted). The whole story against real processes is tests/security.
import { describe, expect, it } from 'vitest';
import { ownOrigin } from '../src/own-origin.js';

const request = (headers: Record<string, string>, encrypted = false) => ({
  encrypted,
  header: (name: string) => headers[name],
});

describe('the own origin', () => {
  it('takes the scheme from the connection and the host from Host, normalised as a browser writes it', () => {
    expect(ownOrigin(request({ host: 'Sync.Example.com:443' }, true), false)).toBe('https://sync.example.com');
    expect(ownOrigin(request({ host: '127.0.0.1:4000' }), false)).toBe('http://127.0.0.1:4000');
    expect(ownOrigin(request({}), false)).toBeUndefined();
  });

  it('ignores forwarded headers unless the proxy is trusted', () => {
    const forged = { host: '127.0.0.1:4000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    expect(ownOrigin(request(forged), false)).toBe('http://127.0.0.1:4000');
    expect(ownOrigin(request(forged), true)).toBe('https://evil.example');
  });

  it('behind a trusted proxy, reads RFC 7239 Forwarded first, the nearest proxy’s element, and no odd scheme', () => {
    const headers = {
      host: 'internal:4000',
      forwarded: 'for=1.2.3.4;proto=https;host="sync.example.com", for=10.0.0.1;proto=http;host=internal',
      'x-forwarded-host': 'other.example',
    };
    expect(ownOrigin(request(headers), true)).toBe('https://sync.example.com');
    expect(ownOrigin(request({ host: 'a.example', 'x-forwarded-proto': 'javascript' }), true)).toBe('http://a.example');
    expect(ownOrigin(request({ host: 'a.example', 'x-forwarded-proto': 'https, http' }), true)).toBe(
      'https://a.example',
    );
  });
});
