import type { ObjectStorage } from "../../../core/kernel/files/uploads.ts";

/** Files' object storage over the `UPLOADS` bucket, multipart throughout. */
export class R2Storage implements ObjectStorage {
  readonly #bucket: R2Bucket;

  constructor(bucket: R2Bucket) {
    this.#bucket = bucket;
  }

  async createMultipart(key: string, mime: string): Promise<string> {
    const upload = await this.#bucket.createMultipartUpload(key, { httpMetadata: { contentType: mime } });
    return upload.uploadId;
  }

  /**
   * The request body goes through a FixedLengthStream into R2: nothing is buffered in the Worker,
   * and a body shorter or longer than announced fails the part instead of storing it.
   */
  async uploadPart(
    key: string,
    multipartId: string,
    partNumber: number,
    body: ReadableStream<Uint8Array>,
    length: number,
  ): Promise<string | null> {
    const upload = this.#bucket.resumeMultipartUpload(key, multipartId);
    const fixed = new FixedLengthStream(length);
    // A body of the wrong length errors the pipe; the part upload then fails and says so.
    const piped = body.pipeTo(fixed.writable).then(
      () => true,
      () => false,
    );
    const part = await upload.uploadPart(partNumber, fixed.readable).catch(() => null);
    return (await piped) && part ? part.etag : null;
  }

  async completeMultipart(
    key: string,
    multipartId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<void> {
    await this.#bucket.resumeMultipartUpload(key, multipartId).complete(parts);
  }

  async abortMultipart(key: string, multipartId: string): Promise<void> {
    try {
      await this.#bucket.resumeMultipartUpload(key, multipartId).abort();
    } catch {
      // Already completed or aborted (a retried clean-up): nothing is left to stop.
    }
  }

  async head(key: string, bytes: number): Promise<Uint8Array | null> {
    const object = await this.#bucket.get(key, { range: { offset: 0, length: bytes } });
    return object ? new Uint8Array(await object.arrayBuffer()) : null;
  }

  async read(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null> {
    const object = await this.#bucket.get(key);
    return object ? { body: object.body, size: object.size } : null;
  }

  async remove(key: string): Promise<void> {
    await this.#bucket.delete(key);
  }
}
