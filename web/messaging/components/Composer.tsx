import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageLimits } from "../../../core/messaging/limits.ts";
import { FileAttacher } from "../../kernel/components/files/FileAttacher.tsx";
import type { KeptFile } from "../../kernel/components/files/use-uploads.ts";
import { NotifyChoice, sendShortcut, useSendShortcut } from "./SendChoices.tsx";

/** How often the text is kept as a draft while someone types. */
const autosaveMs = 5_000;

/**
 * The message box under a conversation, where sending is the one obvious action (also Ctrl/Cmd+Enter).
 * With JavaScript the text is kept as a draft every few seconds and when the person leaves the
 * page, through the saveDraft operation, so a time-out or a closed tab loses nothing; without it
 * the quieter "keep as draft" button does the same. On a phone the box stays at the bottom of the
 * screen while the thread scrolls.
 */
export function Composer({
  conversationId,
  clientMessageId,
  body,
  notify,
  staff,
  error,
  files,
}: {
  conversationId: string;
  clientMessageId: string;
  body: string;
  notify: boolean;
  /** Staff choose whether the others get a mail; clients' messages always tell their care team. */
  staff: boolean;
  error: string | null;
  /** Files that go with the message: those kept from a refused send, their error, the tenant's limit. */
  files: { kept: readonly KeptFile[]; error: string | undefined; maxFileMb: number };
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState("");
  useSendShortcut(form);

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    let kept = JSON.stringify(fieldsOf(element));
    let sending = false;
    const save = () => {
      const fields = fieldsOf(element);
      const now = JSON.stringify(fields);
      if (sending || now === kept) return;
      kept = now;
      void fetch(`/api/v1/conversations/${conversationId}/draft`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: now,
        // The request outlives the page when it is sent as the person leaves.
        keepalive: true,
      }).then((response) => {
        if (response.ok) setStatus(t("messaging.thread.draftSavedNow"));
      });
    };
    // Once sent, the draft is gone on the server; saving it again would bring it back.
    const stop = () => {
      sending = true;
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") save();
    };
    const timer = window.setInterval(save, autosaveMs);
    element.addEventListener("submit", stop);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", save);
    return () => {
      window.clearInterval(timer);
      element.removeEventListener("submit", stop);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", save);
    };
  }, [conversationId, t]);

  return (
    <Form method="post" className="composer composer--thread" ref={form}>
      <input type="hidden" name="clientMessageId" value={clientMessageId} />
      <div className="field">
        <label htmlFor="body">{t("messaging.composer.label")}</label>
        <textarea
          id="body"
          name="body"
          rows={3}
          defaultValue={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "body-error" : undefined}
        />
        {error ? (
          <p id="body-error" className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <FileAttacher
        id="message-files"
        name="file"
        label={t("messaging.composer.attachments")}
        max={messageLimits.files}
        maxFileMb={files.maxFileMb}
        kept={files.kept}
        error={files.error}
      />
      <NotifyChoice staff={staff} defaultChecked={notify} />
      <div className="composer__actions">
        <button
          type="submit"
          name="intent"
          value="publish"
          className="button"
          data-send
          aria-keyshortcuts={sendShortcut}
        >
          {t("messaging.composer.send")}
        </button>
        <button type="submit" name="intent" value="draft" className="button button--secondary">
          {t("messaging.composer.saveDraft")}
        </button>
      </div>
      <p className="composer__status" role="status">
        {status}
      </p>
    </Form>
  );
}

function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return { body: String(data.get("body") ?? ""), notify: data.get("notify") === "yes" };
}
