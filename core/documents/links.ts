/**
 * A link item points to material elsewhere (a video, a site). Only https addresses are kept, and
 * the page shows the address's real host next to the description: the link is never fetched, so
 * no preview can leak who opens it or be made to say something else.
 */
export type LinkPreview = { href: string; host: string };

export function linkOf(address: string): LinkPreview | null {
  const trimmed = address.trim();
  if (trimmed.length === 0 || trimmed.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || !url.hostname.includes(".")) return null;
  return { href: url.href, host: url.hostname };
}
