/**
 * The three paths bench/uploads/ceiling.ts times: `r2` writes a part made inside the Worker (local
 * R2 alone), `drain` reads the request body and drops it (the HTTP hop alone), `stream` streams the
 * body through a FixedLengthStream into `uploadPart` as worker/kernel/files/r2-storage.ts does. And two
 * ways to refuse a body: answering with it unread, or cancelling it first.
 */
const partSize = 10 * 1024 * 1024;

export default {
  async fetch(request: Request, env: { BUCKET: R2Bucket }): Promise<Response> {
    const url = new URL(request.url);
    const key = `ceiling/${url.searchParams.get("key")}`;
    const upload = () => env.BUCKET.resumeMultipartUpload(key, url.searchParams.get("upload") ?? "");
    const part = Number(url.searchParams.get("part"));
    switch (url.pathname) {
      case "/create":
        return new Response((await env.BUCKET.createMultipartUpload(key)).uploadId);
      case "/abort":
        await upload().abort();
        return new Response("ok");
      case "/r2":
        await upload().uploadPart(part, new Uint8Array(partSize).fill(32));
        return new Response("ok");
      case "/drain": {
        const reader = request.body?.getReader();
        let length = 0;
        for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
          length += read.value.byteLength;
        return new Response(String(length));
      }
      case "/stream": {
        const fixed = new FixedLengthStream(partSize);
        const piped = request.body?.pipeTo(fixed.writable);
        await upload().uploadPart(part, fixed.readable);
        await piped;
        return new Response("ok");
      }
      case "/refuse":
        return new Response("refused", { status: 413 });
      case "/refuse-cancel":
        await request.body?.cancel();
        return new Response("refused", { status: 413 });
    }
    return new Response("not found", { status: 404 });
  },
};
