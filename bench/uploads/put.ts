import http from "node:http";

export type Answer = {
  status: number;
  text: string;
  /** Bytes of the body handed to the socket when the answer came (the kernel may hold some of them). */
  sentBeforeAnswer: number;
  /** From the start of the request to the answer's status line. */
  answerMillis: number;
};

/**
 * One request to the local server over a fresh connection. The body is written a piece at a
 * time, and writing stops as soon as the server answers: a server may refuse before it has read
 * the body and close the connection while the body is still being sent. The answer that arrived
 * is what counts; only a request that got no answer at all fails.
 */
export function putBody(request: {
  port: number;
  path: string;
  host: string;
  method: string;
  headers?: Record<string, string>;
  body?: Buffer | string | undefined;
}): Promise<Answer> {
  const bytes = typeof request.body === "string" ? Buffer.from(request.body) : request.body;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered: { sentBeforeAnswer: number; answerMillis: number } | null = null;
    let sent = 0;
    const outgoing = http.request(
      {
        hostname: "127.0.0.1",
        port: request.port,
        path: request.path,
        method: request.method,
        agent: false,
        headers: {
          host: request.host,
          ...request.headers,
          ...(bytes === undefined
            ? {}
            : {
                "content-type":
                  typeof request.body === "string" ? "application/json" : "application/octet-stream",
                "content-length": String(bytes.length),
              }),
        },
      },
      (response) => {
        const at = (answered = {
          sentBeforeAnswer: sent,
          answerMillis: Math.round(performance.now() - started),
        });
        const chunks: Buffer[] = [];
        const done = () => {
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), ...at });
          // Answered before the whole body went: the rest is not wanted.
          if (!outgoing.writableEnded) outgoing.destroy();
        };
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", done);
        // The connection closed under the answer's body: what arrived is still the answer.
        response.on("aborted", done);
        response.on("error", done);
      },
    );
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      const piece = 1024 * 1024;
      for (let start = 0; bytes && start < bytes.length; start += piece) {
        if (answered || outgoing.destroyed) return;
        const chunk = bytes.subarray(start, start + piece);
        sent += chunk.length;
        if (!outgoing.write(chunk)) await drained(outgoing);
      }
      if (!answered && !outgoing.destroyed) outgoing.end();
    })();
  });
}

/** Until the socket takes more, or the request is gone. */
function drained(outgoing: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      outgoing.off("drain", go);
      outgoing.off("close", go);
      resolve();
    };
    outgoing.on("drain", go);
    outgoing.on("close", go);
  });
}
