import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { undoableUntil } from "../../../core/booking/calendar.ts";
import { cancel, confirm, undoCancel } from "../../../core/booking/desk.ts";
import { requireBooking, requireShownBooking } from "../booking.server.ts";
import { bookingChangeForm } from "../booking-forms.server.ts";
import { readForm } from "../../kernel/forms.server.ts";
import { BookingStatus } from "../components/BookingStatus.tsx";
import { HoldCountdown } from "../components/HoldCountdown.tsx";
import bookingStyles from "../components/booking.css?url";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/**
 * One appointment, for its client and its staff member (anyone else: not found), in the viewer's
 * zone: confirm a held time, let it go, cancel or move a confirmed one. Within the notice window
 * a client is told whom to ask; the staff member may still act, and is told it is recorded.
 * Cancelling asks first (`?cancel=confirm`, so it works without JavaScript) and can be taken back
 * for a few minutes after.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, booking, shown, client, formats, account, deps } = await requireShownBooking(
    context,
    request,
    access,
    params.id ?? "",
  );
  const open = shown.status === "confirmed" && !shown.ended;
  const canChange = open && (!client || !booking.withinNotice);
  const undoUntil = booking.cancelledByUserId === account.id ? undoableUntil(booking) : null;
  return {
    booking: shown,
    zone: formats.zone,
    client,
    otherName: client ? booking.staffName : booking.clientName,
    noticeHours: tenant.settings.booking.cancelNoticeHours,
    withinNotice: open && booking.withinNotice,
    // A client within the notice window can do nothing but ask; the staff member can.
    canChange,
    confirmingCancel: canChange && new URL(request.url).searchParams.get("cancel") === "confirm",
    undoUntil: undoUntil && undoUntil > deps.now() ? formats.time(undoUntil.toISOString()) : null,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, deps, origin } = requireBooking(context, request, access);
  const id = params.id ?? "";
  const form = await readForm(request, bookingChangeForm);
  if (!form.ok) return data({ refused: "notHeld" as const, reason: form.values.reason ?? "" }, 400);
  const input = form.data;
  if (input.intent === "undo" || input.intent === "confirm") {
    const result =
      input.intent === "undo"
        ? await undoCancel(deps, actor, id, origin)
        : await confirm(deps, actor, id, origin);
    const done = `/booking/${id}?done=${input.intent === "undo" ? "restored" : "confirmed"}`;
    if (result.ok) return redirect(done);
    if (result.reason === "notFound") throw data(null, { status: 404 });
    // Pressed twice: the first press made it confirmed.
    if ((await deps.records.find(id))?.status === "confirmed") return redirect(done);
    const refused =
      input.intent === "confirm"
        ? ("holdOver" as const)
        : result.reason === "taken"
          ? ("taken" as const)
          : ("undoOver" as const);
    return data({ refused, reason: "" }, 409);
  }
  const { intent, reason } = input;
  const result = await cancel(deps, actor, id, reason.trim() || null, origin);
  if (result.ok) return redirect(`/booking/${id}?done=${intent === "cancel" ? "cancelled" : "released"}`);
  if (result.reason === "notFound") throw data(null, { status: 404 });
  const refused = result.reason === "tooLate" ? ("tooLate" as const) : ("notHeld" as const);
  return data({ refused, reason }, 409);
}

const doneMessages = ["confirmed", "cancelled", "released", "moved", "restored"] as const;

export default function Appointment() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { booking, client, otherName } = page;
  const done = doneMessages.find((each) => each === searchParams.get("done"));
  const holding = booking.status === "held" && booking.holdExpiresAt;
  return (
    <section className="narrow">
      <p>
        <Link to={client ? "/booking" : "/booking/agenda"}>
          {client ? t("booking.detail.back") : t("booking.detail.backAgenda")}
        </Link>
      </p>
      <h1>{client && holding ? t("booking.detail.confirmTitle") : t("booking.detail.title")}</h1>
      {done && !refusal ? (
        <div className="notice notice--success" role="status">
          <p>{t(`booking.detail.done.${done}`)}</p>
          {done === "cancelled" && page.undoUntil ? (
            <Form method="post" className="actions">
              <button
                type="submit"
                name="intent"
                value="undo"
                className="button button--secondary"
                disabled={busy}
              >
                {t("booking.detail.undo")}
              </button>
              <span className="field__hint">{t("booking.detail.undoUntil", { time: page.undoUntil })}</span>
            </Form>
          ) : null}
        </div>
      ) : null}
      {refusal ? (
        <p className="notice notice--error" role="alert">
          {t(`booking.refused.${refusal.refused}`, { hours: page.noticeHours, name: otherName })}
        </p>
      ) : null}

      <div className="appointment">
        <h2>{booking.typeName}</h2>
        <p className="appointment__when">{booking.date}</p>
        <p className="appointment__when">{`${booking.start} – ${booking.end}`}</p>
        <p className="zone-note">{t("booking.zone", { zone: page.zone })}</p>
        <dl className="facts">
          <dt>{t("booking.detail.with")}</dt>
          <dd>{otherName}</dd>
          <dt>{t("booking.detail.where")}</dt>
          <dd>{t(`booking.locations.${booking.location}`)}</dd>
          <dt>{t("booking.detail.status")}</dt>
          <dd>
            <BookingStatus status={booking.status} />
          </dd>
          {booking.status === "cancelled" && booking.reason ? (
            <>
              <dt>{t("booking.detail.reason")}</dt>
              <dd>{booking.reason}</dd>
            </>
          ) : null}
        </dl>
      </div>

      {holding && client ? (
        <div className="hold">
          <p>{t("booking.detail.holdUntil", { time: booking.holdUntil })}</p>
          <HoldCountdown expiresAt={booking.holdExpiresAt!} />
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="confirm" className="button" disabled={busy}>
              {t("booking.detail.confirm")}
            </button>
            <button type="submit" name="intent" value="release" className="button button--secondary">
              {t("booking.detail.release")}
            </button>
          </Form>
        </div>
      ) : null}
      {holding && !client ? (
        <div className="hold">
          <p>{t("booking.detail.waiting", { name: otherName, time: booking.holdUntil })}</p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="release" className="button button--secondary">
              {t("booking.detail.release")}
            </button>
          </Form>
        </div>
      ) : null}
      {booking.status === "expired" ? <p className="notice">{t("booking.detail.holdLapsed")}</p> : null}
      {client && (booking.status === "expired" || booking.status === "cancelled") ? (
        <p>
          <Link to="/booking/new" className="button">
            {t("booking.detail.planAgain")}
          </Link>
        </p>
      ) : null}
      {booking.status === "confirmed" && !booking.ended ? (
        <p className="actions">
          <a href={`/booking/${booking.id}/calendar.ics`} download className="button button--secondary">
            {t("booking.detail.addToCalendar")}
          </a>
        </p>
      ) : null}
      {booking.status === "confirmed" && booking.ended ? <p>{t("booking.detail.ended")}</p> : null}

      {page.withinNotice && client ? (
        <p className="notice" role="note">
          {t("booking.detail.tooLateClient", { hours: page.noticeHours, name: otherName })}
        </p>
      ) : null}
      {page.withinNotice && !client ? (
        <div className="warning" role="note">
          <p>{t("booking.detail.overrideStaff", { hours: page.noticeHours })}</p>
          <p>{t("booking.detail.overrideAudited", { name: otherName })}</p>
        </div>
      ) : null}
      {page.canChange ? (
        <>
          <p className="actions">
            <Link to={`/booking/${booking.id}/move`} className="button button--secondary">
              {t("booking.detail.move")}
            </Link>
          </p>
          <h2 className="section-title" id="cancel">
            {t("booking.detail.cancelTitle")}
          </h2>
          {page.confirmingCancel ? (
            <Form method="post" className="form confirm-panel">
              <p>
                {client
                  ? t("booking.detail.cancelConfirmClient", { name: otherName })
                  : t("booking.detail.cancelConfirmStaff", { name: otherName })}
              </p>
              {client ? (
                <p>{t("booking.detail.cancelNoticeRule", { hours: page.noticeHours, name: otherName })}</p>
              ) : null}
              <div className="field">
                <label htmlFor="reason">{t("booking.detail.cancelReason")}</label>
                <textarea
                  id="reason"
                  name="reason"
                  rows={3}
                  maxLength={500}
                  defaultValue={refusal?.reason ?? ""}
                  aria-describedby="reason-hint"
                />
                <div id="reason-hint" className="field__hint">
                  {t("booking.detail.cancelReasonHint", { name: otherName })}
                </div>
              </div>
              <div className="actions">
                <button
                  type="submit"
                  name="intent"
                  value="cancel"
                  className="button button--danger"
                  disabled={busy}
                >
                  {t("booking.detail.cancelYes")}
                </button>
                <Link to={`/booking/${booking.id}`} className="button button--secondary">
                  {t("booking.detail.cancelNo")}
                </Link>
              </div>
            </Form>
          ) : (
            <p className="actions">
              <Link to={`/booking/${booking.id}?cancel=confirm#cancel`} className="button button--danger">
                {t("booking.detail.cancel")}
              </Link>
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
