import { Hono, type Context } from "hono";
import { csrf } from "hono/csrf";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { refuse } from "./kernel/api/errors.ts";
import { buildApi } from "./kernel/api/index.ts";
import { calendarFeed } from "./booking/calendar-feed.ts";
import { chatUpgrade } from "./messaging/chat/route.ts";
import { brandLogo } from "./kernel/brand.ts";
import type { AppEnv } from "./context.ts";
import { configOf } from "./env.ts";
import { failurePage } from "./kernel/failure.ts";
import { switchLanguage } from "./kernel/language.ts";
import { rateLimit } from "./kernel/middleware/rate-limit.ts";
import { sessionMiddleware } from "./kernel/middleware/session.ts";
import { siteMiddleware } from "./kernel/middleware/site.ts";
import { outboxAttachment, outboxHtml } from "./kernel/notifications/outbox-html.ts";
import { remix } from "./remix.ts";
import { buildServices } from "./services.ts";

export const app = new Hono<AppEnv>();
app.onError(failurePage);

// The cheapest possible answer from this Worker: liveness for load balancers and the benchmark's
// baseline. It runs before configuration, tenant resolution and rendering on purpose.
app.get("/healthz", (c) => c.text("ok"));

app.use("*", async (c, next) => {
  c.set("services", buildServices(c.env, configOf(c.env)));
  await next();
});

app.use(
  "*",
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'", NONCE],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    // A handler that sets a stricter header of its own (the logo's sandbox) keeps it.
    overwrite: false,
    permissionsPolicy: { camera: ["self"], microphone: ["self"], geolocation: [] },
  }),
);

// Unsafe methods must come from a page of the same origin (Origin / Sec-Fetch-Site). A request
// with a bearer token carries no ambient credential (the token wins over any cookie, see
// middleware/session.ts), and browsers cannot add that header cross-site without CORS.
// A mail client's one-click unsubscribe (RFC 8058) is a POST from the mail provider's servers,
// without Origin or Sec-Fetch-Site; the link's token is its proof and no cookie counts there.
// Any browser request carries those headers and is checked as usual.
const sameOrigin = csrf();
const isOneClickUnsubscribe = (c: Context<AppEnv>) =>
  c.req.path.startsWith("/unsubscribe/") && !c.req.header("origin") && !c.req.header("sec-fetch-site");
app.use("*", (c, next) =>
  /^Bearer \S+$/.test(c.req.header("authorization") ?? "") || isOneClickUnsubscribe(c)
    ? next()
    : sameOrigin(c, next),
);
app.use("*", siteMiddleware);
app.use("*", sessionMiddleware);

app.route("/api/v1", buildApi());
// Unknown API paths answer in JSON, not with the HTML 404 page.
app.all("/api/*", (c) => refuse(c, "notFound", "Not found"));
app.get("/brand/logo", brandLogo);
// A staff member's calendar feed: calendar apps poll it with the link as their only credential.
app.get("/calendar/:file", rateLimit("calendar-feed", { capacity: 60, refillPerSecond: 1 }), calendarFeed);
// Live conversations: websocket upgrades, admitted here before they reach the room.
app.get("/chat/:conversationId", chatUpgrade);
app.get("/dev/outbox/:id/html", outboxHtml);
app.get("/dev/outbox/:id/attachments/:index", outboxAttachment);
// Browsers ask for /favicon.ico on their own; the icon is an SVG.
app.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));
app.post("/language", switchLanguage);
// "Stay signed in" (web/kernel/components/IdleWarning.tsx): the request is the activity, which the
// session check above records; without a live session there is nothing to keep.
app.post("/session/keepalive", (c) => c.body(null, c.get("auth") ? 204 : 401));
app.all("*", remix);
