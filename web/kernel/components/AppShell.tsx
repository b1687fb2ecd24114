import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TenantRootData } from "../../root.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { IdleWarning } from "./IdleWarning.tsx";
import { NotificationBell } from "./NotificationBell.tsx";

/**
 * The tenant's frame around every page: brand bar, navigation column (a menu on phones), the
 * crisis notice when the tenant has one, and the language switch.
 */
export function AppShell({ data, children }: { data: TenantRootData; children: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="brand-bar">
        <Link to="/" className="brand-bar__home">
          {data.brand.logoUrl ? (
            <img
              className="brand-bar__logo"
              src={data.brand.logoUrl}
              alt={t("shell.logoAlt")}
              width={40}
              height={40}
            />
          ) : null}
          <span className="brand-bar__name">{data.brand.name}</span>
        </Link>
        {data.user ? <NotificationBell unread={data.user.unreadNotifications} /> : null}
        {data.user ? (
          <button
            type="button"
            className="brand-bar__menu"
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? t("shell.closeMenu") : t("shell.menu")}
          </button>
        ) : (
          // Signed out there is no menu; the language can still be chosen before signing in.
          <LanguageSwitch returnTo={returnTo} />
        )}
      </header>
      {data.crisisNotice ? (
        <aside className="crisis-notice" aria-labelledby="crisis-title">
          <h2 id="crisis-title" className="crisis-notice__title">
            {t("crisis.title")}
          </h2>
          <p>{data.crisisNotice}</p>
        </aside>
      ) : null}
      <div className="shell__body">
        {data.user ? (
          <nav
            id="main-navigation"
            className="navigation"
            data-open={menuOpen}
            aria-label={t("shell.mainNavigation")}
          >
            {data.user ? (
              <ul>
                <li>
                  <NavLink to="/" end onClick={() => setMenuOpen(false)}>
                    {t("shell.home")}
                  </NavLink>
                </li>
                {data.user.seesClients ? (
                  <li>
                    <NavLink to="/clients" onClick={() => setMenuOpen(false)}>
                      {t("dossier.clientsTitle")}
                    </NavLink>
                  </li>
                ) : null}
                {data.navigation.map((item) => (
                  <li key={item.feature}>
                    <NavLink to={item.path} onClick={() => setMenuOpen(false)}>
                      {t(`features.${item.feature}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            ) : null}
            {data.user ? (
              <div className="navigation__user">
                <span>{t("auth.signedInAs", { name: data.user.displayName })}</span>
                {data.user.organisation ? (
                  <span>{t("shell.actingFor", { name: data.user.organisation })}</span>
                ) : null}
                {data.user.canSwitchOrganisation ? (
                  <NavLink to="/organisation/choose" end onClick={() => setMenuOpen(false)}>
                    {t("shell.switchOrganisation")}
                  </NavLink>
                ) : null}
                <NavLink to="/account" end onClick={() => setMenuOpen(false)}>
                  {t("account.title")}
                </NavLink>
                <NavLink to="/account/notifications" end onClick={() => setMenuOpen(false)}>
                  {t("notifications.settings")}
                </NavLink>
                {data.tools.map((tool) => (
                  <NavLink key={tool.path} to={tool.path} end onClick={() => setMenuOpen(false)}>
                    {t(tool.label)}
                  </NavLink>
                ))}
                <Form method="post" action="/logout">
                  <button type="submit" className="button button--secondary">
                    {t("auth.logout")}
                  </button>
                </Form>
              </div>
            ) : null}
            <div className="navigation__language">
              <span className="navigation__language-label">{t("shell.language")}</span>
              <LanguageSwitch returnTo={returnTo} />
            </div>
          </nav>
        ) : null}
        <main id="main" className="content" tabIndex={-1}>
          {data.user ? <IdleWarning idleMinutes={data.user.idleMinutes} /> : null}
          {children}
        </main>
      </div>
      <footer className="footer">{t("shell.poweredBy")}</footer>
    </div>
  );
}
