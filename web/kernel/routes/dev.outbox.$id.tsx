import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTenant } from "../auth.server.ts";

/** One message of the local outbox: headers, the links it holds (clickable), its text, and its HTML. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const outbox = context.services.notificationsFor(requireTenant(context)).outbox;
  const message = outbox ? await outbox.find(params.id ?? "") : null;
  if (!message) throw data(null, { status: 404 });
  // React writes & in attributes as &amp;; nothing else in our links is escaped.
  const hrefs = [...(message.html ?? "").matchAll(/href="([^"]+)"/g)].map((match) =>
    match[1]!.replaceAll("&amp;", "&"),
  );
  const links = [...new Set(hrefs)];
  // The files themselves are downloaded from the Worker (worker/kernel/notifications/outbox-html.ts).
  const { attachments, ...rest } = message;
  const files = (attachments ?? []).map(({ filename, contentType }, index) => ({
    filename,
    contentType,
    href: `/dev/outbox/${message.id}/attachments/${index}`,
  }));
  return { message: rest, links, files };
}

export default function OutboxMessage() {
  const { message, links, files } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" lang="en">
      <p>
        <Link to="/dev/outbox">All messages</Link>
      </p>
      <h1>{message.subject ?? "SMS"}</h1>
      <dl>
        <dt>From</dt>
        <dd>{message.sender}</dd>
        <dt>To</dt>
        <dd>{message.recipient}</dd>
        <dt>Sent</dt>
        <dd>{message.createdAt}</dd>
        {Object.entries(message.headers ?? {}).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {links.length > 0 ? (
        <>
          <h2 className="section-title">Links in this mail</h2>
          <ul>
            {links.map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {files.length > 0 ? (
        <>
          <h2 className="section-title">Attachments</h2>
          <ul>
            {files.map((file) => (
              <li key={file.href}>
                <a href={file.href} download={file.filename}>
                  {file.filename}
                </a>{" "}
                <code>{file.contentType}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="section-title">Text</h2>
      <pre className="plain-text">{message.text}</pre>
      {message.html ? (
        <p>
          {/* A document of its own, sandboxed by its own policy (worker/kernel/notifications/outbox-html.ts). */}
          <a href={`/dev/outbox/${message.id}/html`}>Open the HTML part as the recipient sees it</a>
        </p>
      ) : null}
    </section>
  );
}
