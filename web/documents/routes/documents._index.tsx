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

/** The client's own documents: their uploads and what their care team shared. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  return (await documentsPage(context, request, null)).view;
}

export async function action({ context, request }: ActionFunctionArgs) {
  return documentsAction(context, request, null);
}

export default function Documents() {
  return <DocumentsPage view={useLoaderData<typeof loader>()} />;
}
