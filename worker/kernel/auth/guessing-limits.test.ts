import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { login } from "../../../core/kernel/auth/login.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import { loadTenant } from "../../../core/kernel/tenants/tenant.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { configOf } from "../../env.ts";
import { buildServices } from "../../services.ts";
import { addUser, callApi, createTenant, deliverQueuedMail, post } from "../testing/fixtures.ts";
import { DurableAttemptLimiter, DurableKnownDevices } from "./attempt-limiter.ts";

/**
 * The guess limits of ADR "sign-in guessing limits": a stranger's guesses do not lock the owner
 * out of a browser they signed in with before, nor everyone else behind the stranger's address,
 * and the stranger gets no more than the budget. Real sign-in pages, D1 and rate-limiter objects.
 */

const host = "raden.localhost";
const password = "Een-lang-wachtwoord-voor-raden-2026";
let tenant: TenantRecord;
let people = 0;
let addresses = 0;

const fromAddress = (ip = `192.0.2.${++addresses % 250}`) => ({ "cf-connecting-ip": ip });

async function person() {
  const email = `persoon${++people}@raden.test`;
  await addUser(tenant, { email, password });
  return email;
}

const cookieOf = (response: Response, name: string) =>
  new RegExp(`${name}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1];

/** A sign-in on the page, from a browser that holds `device` (its `__Host-device` cookie), if any. */
async function attempt(email: string, pass: string, device?: string, ip?: string) {
  const response = await post(
    host,
    "/login",
    { email, password: pass },
    {
      ...fromAddress(ip),
      ...(device ? { cookie: `__Host-device=${device}` } : {}),
    },
  );
  return { status: response.status, response, device: cookieOf(response, "__Host-device") };
}

/** Wrong guesses from fresh addresses and browsers (a botnet); answers the statuses. */
async function guesses(email: string, count: number, ip?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let guess = 0; guess < count; guess++)
    statuses.push((await attempt(email, `gok-${guess}`, undefined, ip)).status);
  return statuses;
}

/** The tenant's sign-in services with a clock the test moves; the limits live in the real objects. */
async function identityAt(clock: { now: number }) {
  const loaded = (await loadTenant(tenant, platformData(env)))!;
  const identity = buildServices(env, configOf(env)).identityFor(loaded);
  const now = () => new Date(clock.now);
  return {
    ...identity,
    now,
    limiter: new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id, now),
    devices: new DurableKnownDevices(env.RATE_LIMITER, tenant.id),
  };
}

beforeAll(async () => {
  tenant = await createTenant("raden", "TENANT_DB_1");
});

describe("guess limits that spare the owner", () => {
  it("gives a browser a host-only, HttpOnly, Secure, Lax device cookie at sign-in, and keeps it", async () => {
    const email = await person();
    const first = await attempt(email, password);
    expect(first.status).toBe(302);
    const cookie = first.response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /__Host-device=[\w-]{43}; Max-Age=15552000; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    expect(cookie).not.toContain("Domain");
    const again = await attempt(email, password, first.device);
    expect(again.device).toBe(first.device);
  });

  it(
    "lets the owner in from a known device while a stranger's guesses lock out new devices",
    { timeout: 120_000 },
    async () => {
      const email = await person();
      const { device } = await attempt(email, password);
      const statuses = await guesses(email, 25);
      // The stranger gets the budget of new devices (ten) and no more.
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.slice(10).every((status) => status === 429)).toBe(true);

      const newDevice = await attempt(email, password);
      expect(newDevice.status).toBe(429);
      expect(Number(newDevice.response.headers.get("retry-after"))).toBeGreaterThan(0);
      const page = await newDevice.response.text();
      expect(page).toContain("Te veel mislukte pogingen");
      expect(page).toContain("Op een apparaat waarop je eerder inlogde");
      expect(newDevice.response.headers.get("set-cookie")).toBeNull();

      // The owner's own browser, from another address, has a budget of its own.
      const known = await attempt(email, password, device);
      expect(known.status).toBe(302);
      expect(cookieOf(known.response, "__Host-session")).toBeTruthy();
    },
  );

  it("tells the stranger in English too, when that is their language", async () => {
    const email = await person();
    await guesses(email, 10);
    const response = await post(
      host,
      "/login",
      { email, password },
      { ...fromAddress(), cookie: "__Host-lang=en" },
    );
    expect(response.status).toBe(429);
    expect(await response.text()).toContain(
      "On a device you signed in with before, you can sign in as usual.",
    );
  });

  it(
    "gives a known device's cookie no more than its own budget, and a forged or foreign one none",
    { timeout: 120_000 },
    async () => {
      const email = await person();
      const other = await person();
      const { device } = await attempt(email, password);
      const { device: otherDevice } = await attempt(other, password);
      // Someone at the owner's browser: ten guesses on its own budget, then it is a new device.
      const atTheBrowser: number[] = [];
      for (let guess = 0; guess < 12; guess++)
        atTheBrowser.push((await attempt(email, `gok-${guess}`, device)).status);
      expect(atTheBrowser.filter((status) => status === 401)).toHaveLength(12);
      // Now the new-device budget is two down: eight more guesses, whatever cookie is sent.
      const forged = "A".repeat(43);
      const rest: number[] = [];
      for (const cookie of [forged, otherDevice, device, undefined]) {
        for (let guess = 0; guess < 3; guess++)
          rest.push((await attempt(email, `gok-${guess}`, cookie)).status);
      }
      expect(rest.filter((status) => status === 401)).toHaveLength(8);
      expect(rest.slice(8).every((status) => status === 429)).toBe(true);
      // The other account's own device is untouched by all this.
      expect((await attempt(other, password, otherDevice)).status).toBe(302);
    },
  );

  it(
    "lets the owner in on a new device after a password reset, which makes that browser known",
    { timeout: 120_000 },
    async () => {
      const email = await person();
      await guesses(email, 10);
      expect((await attempt(email, password)).status).toBe(429);
      await post(host, "/password-reset", { email }, fromAddress());
      const mail = await deliverQueuedMail(tenant, email);
      const path = /href="http:\/\/raden\.localhost:8787(\/password-reset\/[^"]+)"/.exec(
        mail?.html ?? "",
      )?.[1];
      const newPassword = "Nieuw-en-lang-wachtwoord-2026";
      const reset = await post(host, path!, { password: newPassword, confirm: newPassword }, fromAddress());
      expect(reset.status).toBe(302);
      const device = cookieOf(reset, "__Host-device");
      expect(device).toMatch(/^[\w-]{43}$/);
      // The stranger still holds the limit for other new devices; this browser is known now.
      expect((await attempt(email, newPassword)).status).toBe(429);
      expect((await attempt(email, newPassword, device)).status).toBe(302);
    },
  );

  it(
    "does not let thirty guesses from one address lock out another person behind it",
    { timeout: 120_000 },
    async () => {
      const office = "198.18.0.1";
      const stranger = await person();
      const colleague = await person();
      // Ten guesses at each of three accounts: each account's whole budget for new devices.
      const statuses = [
        ...(await guesses(stranger, 10, office)),
        ...(await guesses("niemand@raden.test", 10, office)),
        ...(await guesses("ook-niemand@raden.test", 10, office)),
      ];
      expect(statuses.every((status) => status === 401)).toBe(true);
      // A colleague on a browser that never signed in before, from the same address.
      const { status, device } = await attempt(colleague, password, undefined, office);
      expect(status).toBe(302);
      // Spraying from the address still ends: once its budget of a hundred is spent, new devices
      // there wait, while the colleague's known browser does not.
      const limiter = new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id);
      for (let failure = 0; failure < 70; failure++) await limiter.recordFailure([`address:${office}`]);
      expect((await attempt(await person(), password, undefined, office)).status).toBe(429);
      expect((await attempt(colleague, password, device, office)).status).toBe(302);
    },
  );

  it(
    "does not keep the owner locked with one guess every 30 seconds, and caps the stranger at the budget",
    { timeout: 180_000 },
    async () => {
      const email = await person();
      const clock = { now: Date.now() };
      const identity = await identityAt(clock);
      const owner = await login(identity, {
        email,
        password,
        ipAddress: "192.0.2.200",
        userAgent: "Eigen browser",
      });
      expect(owner.ok).toBe(true);
      const device = owner.ok ? owner.deviceToken : undefined;

      // One wrong guess every 30 s for an hour, each from another address; the owner signs in
      // from their own browser every ten minutes, and from a new one once the stranger stops.
      let checked = 0;
      const ownerAnswers: boolean[] = [];
      for (let second = 0; second < 3600; second += 30) {
        clock.now += 30_000;
        const guess = await login(identity, {
          email,
          password: `gok-${second}`,
          ipAddress: `192.0.2.${second % 200}`,
          userAgent: "Vreemde",
        });
        if (!guess.ok && guess.reason === "invalid") checked++;
        if (second % 600 === 0) {
          const signIn = await login(identity, {
            email,
            password,
            ipAddress: `198.51.100.${second % 200}`,
            userAgent: "Eigen browser",
            deviceToken: device,
          });
          ownerAnswers.push(signIn.ok);
        }
      }
      expect(ownerAnswers).toEqual([true, true, true, true, true, true]);
      // Ten at once, then one more for every six minutes of the hour.
      expect(checked).toBeLessThanOrEqual(10 + 10);
      expect(checked).toBeGreaterThanOrEqual(10);

      const lockedNewDevice = await login(identity, { email, password, ipAddress: null, userAgent: null });
      expect(lockedNewDevice).toMatchObject({ ok: false, reason: "throttled" });
      clock.now += 6 * 60_000;
      const later = await login(identity, { email, password, ipAddress: null, userAgent: "Nieuwe laptop" });
      expect(later.ok).toBe(true);
    },
  );

  it("sets the device cookie on an API sign-in and honours it there too", async () => {
    const email = await person();
    const first = await callApi(host, "/auth/login", { json: { email, password } });
    expect(first.status).toBe(200);
    const device = cookieOf(first, "__Host-device");
    expect(device).toMatch(/^[\w-]{43}$/);
    await guesses(email, 10);
    const known = await callApi(host, "/auth/login", {
      json: { email, password },
      cookie: `__Host-device=${device}`,
    });
    expect(known.status).toBe(200);
  });
});
