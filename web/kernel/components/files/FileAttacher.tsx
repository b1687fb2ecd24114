import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { UploadList } from "./UploadList.tsx";
import { useUploads, type KeptFile } from "./use-uploads.ts";

/**
 * Files that go with a form (a message, an assignment, a hand-in): each is uploaded as soon as it
 * is chosen, with its progress, and the form sends only the finished files' ids (`name`). A form
 * the server refused hands back the files it kept (`kept`), so nothing uploaded is lost.
 */
export function FileAttacher({
  id,
  name,
  label,
  max,
  maxFileMb,
  kept = [],
  error,
}: {
  id: string;
  name: string;
  label: string;
  max: number;
  maxFileMb: number;
  kept?: readonly KeptFile[];
  error?: string;
}) {
  const { t } = useTranslation();
  const uploads = useUploads(kept);
  const box = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  useEffect(() => {
    busy.current = uploads.busy;
  }, [uploads.busy]);

  // Sending the form while a file is still on its way would send it without that file.
  useEffect(() => {
    const form = box.current?.closest("form");
    if (!form) return;
    const hold = (event: SubmitEvent) => {
      if (!busy.current) return;
      event.preventDefault();
      box.current?.querySelector<HTMLElement>("[role=status]")?.focus();
    };
    form.addEventListener("submit", hold);
    return () => form.removeEventListener("submit", hold);
  }, []);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field file-attacher" ref={box}>
      <label htmlFor={id} className="button button--secondary">
        {label}
      </label>
      <input
        id={id}
        className="visually-hidden-input"
        type="file"
        multiple
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          void uploads.add(event.target.files);
          event.target.value = "";
        }}
      />
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <p id={hintId} className="field__hint">
        {t("files.limit", { count: max, mb: maxFileMb })}
      </p>
      <UploadList
        items={uploads.items}
        onRetry={(item) => void uploads.send(item)}
        onRemove={uploads.remove}
        doneText="files.attached"
      />
      {uploads.items.map((item) =>
        item.fileId ? <input key={item.key} type="hidden" name={name} value={item.fileId} /> : null,
      )}
      {uploads.busy ? (
        <p className="field__hint" role="status" tabIndex={-1}>
          {t("files.chosen.busy")}
        </p>
      ) : null}
    </div>
  );
}
