import { useState } from "react";

/**
 * Copies `text` to the clipboard and says so in a live region. Where the browser refuses (no
 * permission), the `failed` message asks to select and copy the text by hand.
 */
export function CopyButton({
  text,
  messages,
}: {
  text: string;
  messages: { copy: string; copied: string; failed: string };
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  return (
    <div className="copy">
      <button type="button" className="button button--secondary" onClick={copy}>
        {messages.copy}
      </button>
      <span role="status" className="copy__status">
        {state === "idle" ? "" : messages[state]}
      </span>
    </div>
  );
}
