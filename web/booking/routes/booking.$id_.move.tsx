import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { reschedule } from "../../../core/booking/desk.ts";
import { freeMonth, isLocalDate, monthOf } from "../../../core/booking/planner.ts";
import { pickerData, refusedPick, requireBooking, requireShownBooking } from "../booking.server.ts";
import { moveForm, slotOf } from "../booking-forms.server.ts";
import { newFormKey, readForm } from "../../kernel/forms.server.ts";
import { MonthView, RefusedTime, SlotForm } from "../components/TimePicker.tsx";
import bookingStyles from "../components/booking.css?url";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/**
 * Moving a confirmed appointment: the same month and day picker as booking, for the same staff
 * member and kind of appointment. The new time is taken and the old one freed in one step.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const { tenant, actor, deps, formats, booking, shown, client } = await requireShownBooking(
    context,
    request,
    access,
    id,
  );
  // What cannot be moved (any more) is explained on the appointment's own page.
  if (shown.status !== "confirmed" || shown.ended || (client && booking.withinNotice))
    throw redirect(`/booking/${id}`);
  const search = new URL(request.url).searchParams;
  const day = isLocalDate(search.get("day") ?? "") ? search.get("day")! : null;
  const month = await freeMonth(deps, actor, {
    staffUserId: booking.staffUserId,
    appointmentTypeId: booking.appointmentTypeId,
    month: search.get("month") ?? (day ? monthOf(day) : null),
    zone: formats.zone,
  });
  if (!month) throw redirect(`/booking/${id}`);
  const link = (choice: { month: string; day?: string }) =>
    `/booking/${id}/move?${new URLSearchParams(choice)}`;
  return {
    booking: shown,
    client,
    zone: formats.zone,
    otherName: client ? booking.staffName : booking.clientName,
    noticeHours: tenant.settings.booking.cancelNoticeHours,
    withinNotice: booking.withinNotice,
    picker: pickerData(month, day, link, formats),
    formKey: newFormKey(),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, deps, origin, formats } = requireBooking(context, request, access);
  const id = params.id ?? "";
  const form = await readForm(request, moveForm);
  if (!form.ok) {
    const reason = (form.values.reason ?? "").slice(0, 500);
    return data({ ...refusedPick({ reason: "invalid" }, formats), reason }, 400);
  }
  const { reason } = form.data;
  const result = await reschedule(
    deps,
    actor,
    { bookingId: id, ...slotOf(form.data), reason: reason.trim() || null },
    origin,
  );
  if (result.ok) return redirect(`/booking/${result.booking.id}?done=moved`);
  if (result.reason === "notFound") throw data(null, { status: 404 });
  if (result.reason === "tooLate" || result.reason === "notHeld")
    return data({ refused: result.reason, suggestions: [], reason }, 409);
  return data({ ...refusedPick(result, formats), reason }, result.reason === "invalid" ? 400 : 409);
}

export default function MoveAppointment() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const { booking } = page;
  const reason = refusal?.reason ?? "";
  return (
    <section>
      <p>
        <Link to={`/booking/${booking.id}`}>{t("booking.move.back")}</Link>
      </p>
      <h1>{t("booking.move.title")}</h1>
      {refusal ? (
        <RefusedTime
          refusal={refusal}
          formKey={page.formKey}
          hidden={{ reason }}
          values={{ hours: page.noticeHours, name: page.otherName }}
        />
      ) : null}
      <p className="lead">{t("booking.move.intro")}</p>
      <p>
        <strong>
          {booking.typeName} · {t("booking.with", { name: page.otherName })}
        </strong>
      </p>
      <p>
        {t("booking.move.now", {
          when: t("booking.when", { date: booking.date, start: booking.start, end: booking.end }),
        })}
      </p>
      {page.withinNotice && !page.client ? (
        <div className="warning" role="note">
          <p>{t("booking.detail.overrideStaff", { hours: page.noticeHours })}</p>
          <p>{t("booking.detail.overrideAudited", { name: page.otherName })}</p>
        </div>
      ) : null}
      <p className="zone-note">{t("booking.zone", { zone: page.zone })}</p>
      {page.client && page.noticeHours > 0 ? (
        <p className="zone-note">{t("booking.choose.notice", { hours: page.noticeHours })}</p>
      ) : null}
      <div className="picker">
        <MonthView picker={page.picker} />
        <SlotForm
          day={page.picker.day}
          formKey={page.formKey}
          hidden={{}}
          purpose="move"
          fields={
            <div className="field">
              <label htmlFor="reason">{t("booking.move.reason")}</label>
              <textarea
                id="reason"
                name="reason"
                rows={2}
                maxLength={500}
                defaultValue={reason}
                aria-describedby="reason-hint"
              />
              <div id="reason-hint" className="field__hint">
                {t("booking.detail.cancelReasonHint", { name: page.otherName })}
              </div>
            </div>
          }
        />
      </div>
    </section>
  );
}
