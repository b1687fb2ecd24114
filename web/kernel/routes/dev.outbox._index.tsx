import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTenant } from "../auth.server.ts";

/**
 * The local outbox: every mail and SMS this tenant "sent", newest first. It exists only on a
 * development server (ENVIRONMENT=development, as `npm start` runs); elsewhere, tests included, it
 * is a plain 404. It is a developer's page, so it is not translated and not behind a login.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const outbox = context.services.notificationsFor(requireTenant(context)).outbox;
  if (!outbox) throw data(null, { status: 404 });
  const messages = await outbox.list(100);
  return {
    messages: messages.map(({ id, channel, recipient, subject, text, createdAt }) => ({
      id,
      channel,
      recipient,
      subject: subject ?? text.slice(0, 80),
      createdAt,
    })),
  };
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" lang="en">
      <h1>Local outbox</h1>
      <p className="lead">Mail and SMS of this tenant, as they would have left. Only in local development.</p>
      {messages.length === 0 ? <p>Nothing sent yet.</p> : null}
      <ul className="item-list">
        {messages.map((message) => (
          <li key={message.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                <Link to={`/dev/outbox/${message.id}`}>{message.subject}</Link>
              </p>
              <p className="item-list__meta">
                {message.channel} to {message.recipient} ·{" "}
                <time dateTime={message.createdAt}>{message.createdAt}</time>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
