import { useRevalidator } from "@remix-run/react";
import { useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../kernel/components/files/upload-file.ts";
import { UploadList } from "../../kernel/components/files/UploadList.tsx";
import { useUploads } from "../../kernel/components/files/use-uploads.ts";

/** Drag and drop, or the keyboard-usable file input: each file with its own progress bar. */
export function Uploader({ client, maxFileMb }: { client: string | null; maxFileMb: number }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [notify, setNotify] = useState(true);
  const [over, setOver] = useState(false);
  // Each finished file becomes a document of the dossier at once, and the list shows it.
  const uploads = useUploads([], async (fileId) => {
    // Linking this file again (a retry after a lost answer) is the same request: the file's id is its key.
    await api("/documents", {
      method: "POST",
      headers: { "idempotency-key": fileId },
      body: JSON.stringify({ fileId, notify, ...(client ? { client } : {}) }),
    });
    revalidator.revalidate();
  });

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void uploads.add(event.dataTransfer.files);
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
          {t("files.choose")}
        </label>
        <input
          id="document-files"
          className="visually-hidden-input"
          type="file"
          multiple
          onChange={(event) => {
            void uploads.add(event.target.files);
            event.target.value = "";
          }}
        />
        <p className="item-list__meta">{t("documents.upload.limit", { mb: maxFileMb })}</p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={notify} onChange={(event) => setNotify(event.target.checked)} />{" "}
        {t("documents.upload.notify")}
      </label>
      <UploadList items={uploads.items} onRetry={(item) => void uploads.send(item)} />
    </section>
  );
}
