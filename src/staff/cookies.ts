/**
 * The two cookie operations the staff login needs, written out because @fastify/cookie's static
 * parse/serialize only work after its plugin ran in some scope, and the guard must work in any scope.
 * Our cookie values are base64url tokens, so no encoding is needed.
 */

/** Reads one cookie from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A Set-Cookie value for the staff session: httpOnly, SameSite=Strict, path /, optionally Secure. The
 * lifetime is relative (Max-Age), so a browser whose clock differs from the server's keeps it as long.
 */
export function sessionCookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
