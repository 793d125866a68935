/**
 * Where a login goes back to: the admin page a visitor without a session asked for (a link in a WeCom app
 * message, say), carried by the auth guard as `?returnUrl=`. Only a path inside this app is followed, never
 * another origin (`//host`, `https:`), so the login page cannot be used to send people elsewhere.
 */
export const RETURN_URL_PARAM = 'returnUrl';

export function safeReturnUrl(raw: string | null | undefined): string | null {
  if (!raw || raw === '/' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return null;
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/login/')) return null;
  return raw;
}
