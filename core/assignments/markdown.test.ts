import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.ts";

describe("an assignment's Markdown", () => {
  it("formats text, lists and safe links, each link with noopener noreferrer", () => {
    const html = renderMarkdown(
      '**Lees** dit:\n\n- [site](https://example.nl/x?a=1&b=2 "titel")\n- [mail](mailto:coach@example.nl)\n- [hier](/assignments)',
    );
    expect(html).toContain("<strong>Lees</strong>");
    expect(html).toContain(
      '<a href="https://example.nl/x?a=1&amp;b=2" rel="noopener noreferrer" title="titel">site</a>',
    );
    expect(html).toContain('<a href="mailto:coach@example.nl" rel="noopener noreferrer">mail</a>');
    expect(html).toContain('<a href="/assignments" rel="noopener noreferrer">hier</a>');
  });

  it("shows raw HTML as text: no script, no event handler, no iframe", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nTekst <img src=x onerror="alert(1)"> en <iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("takes the address from javascript:, data:, other schemes and disguised ones, keeping the words", () => {
    for (const link of [
      "[klik](javascript:alert(1))",
      "[klik](JaVaScRiPt:alert(1))",
      "[klik](&#x6A;avascript:alert(1))",
      "[klik](data:text/html,<b>x</b>)",
      "[klik](vbscript:msgbox)",
      "[klik](irc://irc.example)",
      "<javascript:alert(1)>",
    ]) {
      const html = renderMarkdown(link);
      expect(html, link).not.toContain("href");
    }
    expect(renderMarkdown("[klik](javascript:alert(1))")).toBe("<p><a>klik</a></p>");
  });

  it("loads no images: an image becomes a plain link to it", () => {
    const html = renderMarkdown("![pixel](https://tracker.example/p.gif)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer">pixel</a>');
  });
});
