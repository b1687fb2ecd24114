/**
 * Sends one file through the upload operations (worker/kernel/api/files.ts): the parts in order, each
 * an XHR so the browser reports its progress; a retry asks which parts arrived and sends the
 * rest. What the file becomes (a document, a message's attachment) is up to the page.
 */
type Upload = { id: string; partSize: number; partCount: number; receivedParts: number[] };

export class UploadFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function api<T>(
  path: string,
  init: Omit<RequestInit, "headers"> & { headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      ...init,
      credentials: "same-origin",
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    });
  } catch {
    throw new UploadFailed("network");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as T & { error?: { code: string } };
  if (!response.ok) throw new UploadFailed(body.error?.code ?? "network");
  return body;
}

function sendPart(uploadId: string, partNumber: number, blob: Blob, onProgress: (loaded: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/v1/files/uploads/${uploadId}/parts/${partNumber}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status === 200) return resolve();
      const code = (JSON.parse(xhr.responseText || "{}") as { error?: { code: string } }).error?.code;
      reject(new UploadFailed(code ?? "network"));
    };
    xhr.onerror = () => reject(new UploadFailed("network"));
    xhr.send(blob);
  });
}

export type Progress = (fraction: number) => void;

/** Uploads `file` (resuming `uploadId` when given) and returns the finished file's id. */
export async function uploadFile(
  file: File,
  onProgress: Progress,
  onStarted: (uploadId: string) => void,
  uploadId: string | null,
): Promise<string> {
  const upload = uploadId
    ? (await api<{ upload: Upload }>(`/files/uploads/${uploadId}`)).upload
    : (
        await api<{ upload: Upload }>("/files/uploads", {
          method: "POST",
          body: JSON.stringify({ name: file.name, size: file.size }),
        })
      ).upload;
  onStarted(upload.id);
  const received = new Set(upload.receivedParts);
  let done = received.size * upload.partSize;
  for (let part = 1; part <= upload.partCount; part++) {
    if (received.has(part)) continue;
    const blob = file.slice((part - 1) * upload.partSize, part * upload.partSize);
    await sendPart(upload.id, part, blob, (loaded) => onProgress(Math.min(1, (done + loaded) / file.size)));
    done += blob.size;
  }
  const finished = await api<{ file: { id: string } }>(`/files/uploads/${upload.id}/complete`, {
    method: "POST",
  });
  onProgress(1);
  return finished.file.id;
}
