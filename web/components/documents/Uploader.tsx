import { useRevalidator } from "@remix-run/react";
import { useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { addToDossier, uploadFile, UploadFailed } from "./upload-file.ts";

type Item = {
  key: string;
  file: File;
  percent: number;
  uploadId: string | null;
  error: string | null;
  done: boolean;
};

/** Drag and drop, or the keyboard-usable file input: each file with its own progress bar. */
export function Uploader({ client, maxFileMb }: { client: string | null; maxFileMb: number }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [items, setItems] = useState<Item[]>([]);
  const [notify, setNotify] = useState(true);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const change = (key: string, patch: Partial<Item>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function send(item: Item) {
    change(item.key, { error: null });
    try {
      const fileId = await uploadFile(
        item.file,
        (fraction) => change(item.key, { percent: Math.round(fraction * 100) }),
        (uploadId) => change(item.key, { uploadId }),
        item.uploadId,
      );
      await addToDossier(fileId, client, notify);
      change(item.key, { done: true, percent: 100 });
      revalidator.revalidate();
    } catch (error) {
      change(item.key, { error: error instanceof UploadFailed ? error.code : "network" });
    }
  }

  async function add(files: FileList | null) {
    const added = [...(files ?? [])].map((file) => ({
      key: `${file.name}-${file.size}-${Math.random()}`,
      file,
      percent: 0,
      uploadId: null,
      error: null,
      done: false,
    }));
    setItems((all) => [...all, ...added]);
    for (const item of added) await send(item);
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add(event.dataTransfer.files);
  };

  return (
    <section className="uploader" aria-labelledby="upload-title">
      <h2 id="upload-title" className="section-title">
        {t("documents.upload.title")}
      </h2>
      <div
        className={over ? "dropzone dropzone--over" : "dropzone"}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>{t("documents.upload.drop")}</p>
        <label className="button button--secondary" htmlFor="document-files">
          {t("documents.upload.choose")}
        </label>
        <input
          ref={input}
          id="document-files"
          className="visually-hidden-input"
          type="file"
          multiple
          onChange={(event) => {
            void add(event.target.files);
            event.target.value = "";
          }}
        />
        <p className="item-list__meta">{t("documents.upload.limit", { mb: maxFileMb })}</p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(event) => setNotify(event.target.checked)} />{" "}
        {t("documents.upload.notify")}
      </label>
      {items.length > 0 ? (
        <ul className="upload-list" aria-live="polite">
          {items.map((item) => (
            <li key={item.key}>
              <label>
                {item.done
                  ? t("documents.upload.done", { name: item.file.name })
                  : t("documents.upload.progress", { name: item.file.name, percent: item.percent })}
                <progress max={100} value={item.percent} />
              </label>
              {item.error ? (
                <p className="field-error" role="alert">
                  {t("documents.upload.failed", {
                    name: item.file.name,
                    reason: t(`documents.errors.${item.error}`, {
                      defaultValue: t("documents.errors.network"),
                    }),
                  })}{" "}
                  {item.error === "network" ||
                  item.error === "part_invalid" ||
                  item.error === "upload_incomplete" ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => void send(item)}
                    >
                      {t("documents.upload.retry")}
                    </button>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
