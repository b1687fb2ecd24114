import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { hasPermission } from "../core/kernel/auth/permissions.ts";
import { activeMembership } from "../core/kernel/organisations/organisations.ts";
import { featurePaths, perClientFeatures } from "../core/kernel/tenants/features.ts";
import { defaultLanguage, isLanguage, type Language } from "../core/kernel/tenants/languages.ts";
import { textFor } from "../core/kernel/tenants/settings.ts";
import { AppShell } from "./kernel/components/AppShell.tsx";
import { toolsFor } from "./capabilities.ts";
import { ErrorPage, errorKindOf } from "./kernel/components/ErrorPage.tsx";
import { wordingFor } from "./kernel/i18n/bundle.server.ts";
import { pageNamespaces } from "./kernel/i18n/strings.ts";
import { StringsSeed, Translated } from "./kernel/i18n/Translated.tsx";
import { useNonce } from "./nonce.tsx";
import styles from "./kernel/styles/app.css?url";
import "./load-context.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { site, language } = context;
  if (site.kind === "unknown") {
    // No tenant lives here: a neutral page that names nobody.
    throw data({ reason: "unknownHost" as const, language }, { status: 404 });
  }
  const path = new URL(request.url).pathname;
  if (site.kind === "platform") {
    return { kind: "platform" as const, path, i18n: wordingFor(language, "Portaal", {}) };
  }
  const { tenant } = site;
  const auth = context.auth;
  const organisation = auth ? activeMembership(auth.memberships, auth.session.organisationId) : null;
  const seesClients = auth ? hasPermission(auth.account.role, "clients:read-assigned") : false;
  return {
    kind: "tenant" as const,
    path,
    // The language and the tenant's words; the strings go into the document (StringsSeed), not
    // into this data, so that a form post's revalidation does not send them again.
    i18n: wordingFor(language, tenant.name, tenant.settings.terminology),
    brand: {
      name: tenant.name,
      logoUrl: tenant.settings.logoKey ? "/brand/logo" : null,
      primaryColour: tenant.settings.primaryColour,
      accentColour: tenant.settings.accentColour,
    },
    user: auth
      ? {
          organisation: organisation?.organisationName ?? null,
          canSwitchOrganisation: auth.memberships.length > 1,
          displayName: auth.account.displayName,
          seesClients,
          role: auth.account.role,
          mustChangePassword: auth.account.mustChangePassword,
          idleMinutes: tenant.settings.sessionIdleMinutes,
          unreadNotifications: await context.services
            .notificationsFor(tenant)
            .inbox.unreadCount(auth.account.id),
        }
      : null,
    // Management pages this person may open, below their name in the navigation.
    tools: auth ? toolsFor(auth.account.role, tenant.features) : [],
    // The menu is for signed-in people; the sign-in page shows only the brand and the language.
    navigation: auth
      ? tenant.features
          // The organisation's page is for the people of a client organisation.
          .filter(
            (feature) =>
              feature !== "organisation" ||
              hasPermission(auth.account.role, "organisation:read", organisation?.role ?? null),
          )
          // Staff find a client's own parts in that client's dossier.
          .filter((feature) => !seesClients || !perClientFeatures.includes(feature))
          .map((feature) => ({ feature, path: featurePaths[feature] }))
      : [],
    crisisNotice: textFor(tenant.settings.crisisNotice, language),
    welcome: textFor(tenant.settings.welcome, language),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;
export type TenantRootData = Extract<RootData, { kind: "tenant" }>;

export const useRootData = () => useRouteLoaderData<typeof loader>("root");

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = data?.kind === "tenant" ? data.brand.name : "Portaal";
  return [{ title }, { name: "robots", content: data?.kind === "tenant" ? "noindex" : "index" }];
};

export function Layout({ children }: { children: ReactNode }) {
  const root = useRootData();
  const error = useRouteError();
  const nonce = useNonce();
  const matches = useMatches();
  const language = root?.i18n.language ?? errorLanguage(error);
  const brand = root?.kind === "tenant" ? root.brand : null;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {brand ? (
          // Colours are validated hex values (core/kernel/tenants/settings.ts), safe to place in CSS.
          <style
            nonce={nonce}
          >{`:root{--brand:${brand.primaryColour};--accent:${brand.accentColour}}`}</style>
        ) : null}
      </head>
      <body>
        {children}
        {root ? (
          <StringsSeed language={root.i18n.language} namespaces={pageNamespaces(matches)} nonce={nonce} />
        ) : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const root = useRootData();
  const matches = useMatches();
  if (!root) return null;
  return (
    <Translated wording={root.i18n} namespaces={pageNamespaces(matches)}>
      {root.kind === "tenant" ? (
        <AppShell data={root}>
          <Outlet />
        </AppShell>
      ) : (
        <Outlet />
      )}
    </Translated>
  );
}

function errorLanguage(error: unknown): Language {
  const language: unknown = isRouteErrorResponse(error)
    ? (error.data as { language?: unknown })?.language
    : undefined;
  return isLanguage(language) ? language : defaultLanguage;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const unknownHost =
    isRouteErrorResponse(error) && (error.data as { reason?: string })?.reason === "unknownHost";
  // Refusals are answers, not faults; only a fault is worth the console.
  if (status >= 500) console.error(error);
  const kind = unknownHost ? "unknownHost" : errorKindOf(status);
  const language = root?.i18n.language ?? errorLanguage(error);
  if (root?.kind === "tenant") {
    return (
      // The kernel's strings only: they are in the document whatever the page, and an error page
      // needs no other.
      <Translated wording={root.i18n} namespaces={["kernel"]}>
        <AppShell data={root}>
          <ErrorPage kind={kind} status={status} language={language} />
        </AppShell>
      </Translated>
    );
  }
  return <ErrorPage kind={kind} status={status} language={language} standalone />;
}

// The root data (language and words, brand, navigation) changes only through a form post, never
// by following a link, so link navigations skip reloading it.
export const shouldRevalidate = ({
  formMethod,
  defaultShouldRevalidate,
}: {
  formMethod?: string;
  defaultShouldRevalidate: boolean;
}) => (formMethod ? defaultShouldRevalidate : false);
