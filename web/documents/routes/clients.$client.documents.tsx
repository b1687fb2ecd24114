import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { DocumentsPage } from "../components/DocumentsPage.tsx";
import documentStyles from "../components/documents.css?url";
import filesStyles from "../../kernel/components/files/files.css?url";
import { documentsAction, documentsPage } from "../documents.server.ts";

export const handle = { i18n: ["documents"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: documentStyles },
  { rel: "stylesheet", href: filesStyles },
];

/** A staff member's view of one assigned client's documents. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return (await documentsPage(context, request, params.client ?? "")).view;
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  return documentsAction(context, request, params.client ?? "");
}

export default function ClientDocuments() {
  return <DocumentsPage view={useLoaderData<typeof loader>()} />;
}
