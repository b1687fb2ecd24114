import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { DocumentsPage } from "../components/DocumentsPage.tsx";
import documentStyles from "../components/documents.css?url";
import filesStyles from "../../kernel/components/files/files.css?url";
import { documentsAction, documentsPage } from "../documents.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:read-assigned", feature: "documents" } satisfies Access;

export const handle = { i18n: ["documents"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: documentStyles },
  { rel: "stylesheet", href: filesStyles },
];

/** A staff member's view of one assigned client's documents. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return (await documentsPage(context, request, access, params.client ?? "")).view;
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  return documentsAction(context, request, access, params.client ?? "");
}

export default function ClientDocuments() {
  return <DocumentsPage view={useLoaderData<typeof loader>()} />;
}
