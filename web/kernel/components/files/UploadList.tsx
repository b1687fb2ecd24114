import { useTranslation } from "react-i18next";
import { fileSize } from "./file-size.ts";
import type { UploadItem } from "./use-uploads.ts";

/** Failures worth another try: what arrived is kept and the rest is sent. */
const retryable = new Set(["network", "part_invalid", "upload_incomplete"]);

/** Each file with its progress bar, its error and a retry; with `onRemove`, a way to take it off. */
export function UploadList({
  items,
  onRetry,
  onRemove,
  doneText = "files.done",
}: {
  items: UploadItem[];
  onRetry(item: UploadItem): void;
  onRemove?(key: string): void;
  doneText?: "files.done" | "files.attached";
}) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" aria-live="polite">
      {items.map((item) => (
        <li key={item.key}>
          <div className="upload-list__row">
            <label htmlFor={`progress-${item.key}`}>
              {item.fileId
                ? t(doneText, { name: item.name, size: fileSize(item.size, i18n.language) })
                : t("files.progress", { name: item.name, percent: item.percent })}
            </label>
            {onRemove ? (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t("files.removeLabel", { name: item.name })}
                onClick={() => onRemove(item.key)}
              >
                {t("files.remove")}
              </button>
            ) : null}
          </div>
          <progress id={`progress-${item.key}`} max={100} value={item.percent} />
          {item.error ? (
            <p className="field__error" role="alert">
              {t("files.failed", {
                name: item.name,
                reason: t(`files.errors.${item.error}`, { defaultValue: t("files.errors.network") }),
              })}{" "}
              {retryable.has(item.error) && item.file ? (
                <button type="button" className="button button--secondary" onClick={() => onRetry(item)}>
                  {t("files.retry")}
                </button>
              ) : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
