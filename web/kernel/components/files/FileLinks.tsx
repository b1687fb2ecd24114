import { useTranslation } from "react-i18next";

/** A file as a page links to it; `size` is already in the viewer's language. */
export type LinkedFile = { id: string; href: string; name: string; size: string; inline: boolean };

/**
 * Files with plain links, so they work without the page's JavaScript. A PDF or image can also be
 * viewed: it opens as a page of its own in a new tab, under the sandbox of web/kernel/files/serve.server.ts.
 */
export function FileLinks({ files }: { files: readonly LinkedFile[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="attachment-list">
      {files.map((file) => (
        <li key={file.id}>
          {/* The name opens the file: shown when the browser can, else downloaded; the size beside it. */}
          <a
            href={file.inline ? `${file.href}?view=inline` : file.href}
            {...(file.inline
              ? {
                  target: "_blank",
                  rel: "noopener noreferrer",
                  "aria-label": t("files.view", { name: file.name }),
                }
              : { download: file.name, "aria-label": t("files.download", { name: file.name }) })}
          >
            {file.name}
          </a>{" "}
          <span className="attachment-list__size">({file.size})</span>
          {file.inline ? (
            <>
              {" · "}
              <a href={file.href} download={file.name} aria-label={t("files.download", { name: file.name })}>
                {t("files.downloadShort")}
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
