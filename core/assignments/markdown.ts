import { micromark } from "micromark";

/**
 * A staff member's Markdown as safe HTML (ADR 0017). micromark escapes raw HTML by default, so
 * `<script>` arrives as text; images are switched off so a description cannot load anything from
 * elsewhere. Links stay, but only to http(s), mailto or a path of the portal itself; any other
 * scheme (javascript:, data:, irc:, ...) loses its address and becomes plain text, and every link
 * gets `rel="noopener noreferrer"`.
 */
export function renderMarkdown(source: string): string {
  const html = micromark(source, { extensions: [{ disable: { null: ["labelStartImage"] } }] });
  return html.replace(/<a href="([^"]*)"/g, (_, href: string) =>
    safeHref(href) ? `<a href="${href}" rel="noopener noreferrer"` : "<a",
  );
}

const allowedSchemes = new Set(["http", "https", "mailto"]);

/** Whether an (already HTML-escaped) address may stay a link. */
function safeHref(href: string): boolean {
  if (href === "") return false;
  const colon = href.indexOf(":");
  // A colon after the first "/", "?" or "#" is part of a path, not a scheme.
  const end = href.search(/[/?#]/);
  if (colon === -1 || (end !== -1 && end < colon)) return true;
  return allowedSchemes.has(href.slice(0, colon).toLowerCase());
}
