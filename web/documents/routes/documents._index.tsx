import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { DocumentsPage } from "../components/DocumentsPage.tsx";
import documentStyles from "../components/documents.css?url";
import filesStyles from "../../kernel/components/files/files.css?url";
import { documentsAction, documentsPage } from "../documents.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "dossier:read-own", feature: "documents" } satisfies Access;

export const handle = { i18n: ["documents"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: documentStyles },
  { rel: "stylesheet", href: filesStyles },
];

/** The client's own documents: their uploads and what their care team shared. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  return (await documentsPage(context, request, access, null)).view;
}

export async function action({ context, request }: ActionFunctionArgs) {
  return documentsAction(context, request, access, null);
}

export default function Documents() {
  return <DocumentsPage view={useLoaderData<typeof loader>()} />;
}
