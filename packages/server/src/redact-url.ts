// Connection URLs appear in banners, logs and errors: never with their password.

/** `url` with its password replaced by `***` (or a placeholder when it does not parse). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}
