import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { storageUsage } from "../../../core/kernel/files/uploads.ts";
import { guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "tenant:configure" } satisfies Access;

export const handle = { i18n: ["documents"] };

/** The tenant admin sees how much of the tenant's storage quota its files use. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant } = guard({ context, request }, access);
  const usage = await storageUsage(context.services.filesFor(tenant));
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024).toLocaleString(context.language);
  return { used: mb(usage.usedBytes), quota: mb(usage.quotaBytes), files: usage.files };
}

export default function Storage() {
  const { t } = useTranslation();
  const usage = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("documents.storage.title")}</h1>
      <p>{t("documents.storage.usage", usage)}</p>
    </section>
  );
}
