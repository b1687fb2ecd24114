import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PickerData, SlotChoice } from "../booking.server.ts";
import { FormAlert } from "../../kernel/components/Field.tsx";
import { FormKey } from "../../kernel/components/FormKey.tsx";

/**
 * Choosing a time, as on the booking page and when moving an appointment: a month in which the
 * days with free time stand out (a link with the number of free times, not only a colour), and
 * below it the free times of the chosen day as buttons. Everything works without JavaScript.
 */
export function MonthView({ picker }: { picker: PickerData }) {
  const { t } = useTranslation();
  return (
    <section className="month" aria-labelledby="month-title">
      <div className="month__head">
        <h2 id="month-title" className="month__title">
          {picker.title}
        </h2>
        <nav className="month__nav" aria-label={t("booking.month.navigation")}>
          {picker.previous ? (
            <Link
              to={picker.previous.href}
              className="month__step"
              aria-label={t("booking.month.previous", { month: picker.previous.label })}
              preventScrollReset
            >
              <span aria-hidden="true">‹</span> {t("booking.month.previousShort")}
            </Link>
          ) : null}
          {picker.next ? (
            <Link
              to={picker.next.href}
              className="month__step"
              aria-label={t("booking.month.next", { month: picker.next.label })}
              preventScrollReset
            >
              {t("booking.month.nextShort")} <span aria-hidden="true">›</span>
            </Link>
          ) : null}
        </nav>
      </div>
      <p className="month__hint">
        {picker.freeDays > 0
          ? t("booking.month.hint")
          : picker.next
            ? t("booking.month.noneThisMonth", { month: picker.title, next: picker.next.label })
            : t("booking.month.noneAtAll")}
      </p>
      <table className="month__grid">
        <caption className="visually-hidden">{t("booking.month.caption", { month: picker.title })}</caption>
        <thead>
          <tr>
            {picker.weekdays.map((weekday) => (
              <th key={weekday.long} scope="col">
                <abbr title={weekday.long}>{weekday.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {picker.weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((day) => (
                <td key={day.date}>{day.inMonth ? <DayCell day={day} /> : null}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type Day = PickerData["weeks"][number][number];

function DayCell({ day }: { day: Day }) {
  const { t } = useTranslation();
  const today = day.today ? <span className="visually-hidden">{`, ${t("booking.month.today")}`}</span> : null;
  if (!day.href)
    return (
      <span className="month__day" data-today={day.today || undefined}>
        <span className="month__number">{day.number}</span>
        {today}
      </span>
    );
  return (
    <Link
      to={`${day.href}#free-times`}
      className="month__day month__day--free"
      data-today={day.today || undefined}
      aria-current={day.selected ? "date" : undefined}
      aria-label={`${day.label}${day.today ? `, ${t("booking.month.today")}` : ""}: ${t("booking.month.free", { count: day.free })}`}
      preventScrollReset
    >
      <span className="month__number">{day.number}</span>
      <span className="month__free">{t("booking.month.freeShort", { count: day.free })}</span>
    </Link>
  );
}

/** The fields every choice of a time sends: the page's own hidden values and the form's key. */
function HiddenFields({ hidden, formKey }: { hidden: Record<string, string>; formKey: string }) {
  return (
    <>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormKey value={formKey} />
    </>
  );
}

/**
 * The free times of the chosen day, in one form: choosing one holds it. `fields` are more inputs
 * sent with the choice (a reason for a move).
 */
export function SlotForm({
  day,
  formKey,
  hidden,
  fields,
  purpose = "hold",
}: {
  day: PickerData["day"];
  formKey: string;
  hidden: Record<string, string>;
  fields?: ReactNode;
  /** A new time is held first; a confirmed appointment moves at once. */
  purpose?: "hold" | "move";
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const daySection = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const chosenDate = day?.date;
  // A day chosen on the page (not the one the page opened with) takes the focus to its times, so
  // keyboard and screen-reader users land where the choice continues.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (chosenDate) daySection.current?.focus();
  }, [chosenDate]);
  if (!day) return null;
  return (
    <section
      id="free-times"
      ref={daySection}
      className="slots__day"
      aria-labelledby="day-title"
      tabIndex={-1}
    >
      <h2 id="day-title" className="section-title">
        {t("booking.day.title", { date: day.title })}
      </h2>
      {day.slots.length > 0 ? (
        <Form method="post" className="slots" aria-busy={busy || undefined}>
          <HiddenFields hidden={hidden} formKey={formKey} />
          {fields}
          <p className="field__hint">{t(purpose === "hold" ? "booking.day.pick" : "booking.day.pickMove")}</p>
          <SlotButtons slots={day.slots} />
          {busy ? (
            <p role="status" className="slots__busy">
              {t(purpose === "hold" ? "booking.day.busy" : "booking.day.busyMove")}
            </p>
          ) : null}
        </Form>
      ) : (
        <p>{t("booking.day.none")}</p>
      )}
    </section>
  );
}

/**
 * A time that could not be held, at the top of the page: why, and the next free times to choose
 * from at once, with whatever else the person had filled in.
 */
export function RefusedTime({
  refusal,
  formKey,
  hidden,
  values,
}: {
  refusal: { refused: string; suggestions: SlotChoice[] };
  formKey: string;
  hidden: Record<string, string>;
  /** What the message may name: the notice hours, the other person. */
  values?: Record<string, string | number>;
}) {
  const { t } = useTranslation();
  const overTime = refusal.refused === "taken" || refusal.refused === "unavailable";
  return (
    <FormAlert title={t(`booking.refused.${refusal.refused}`, values ?? {})} answer={refusal}>
      {refusal.suggestions.length > 0 ? (
        <Form method="post">
          <HiddenFields hidden={hidden} formKey={formKey} />
          <p>{t("booking.refused.nextFree")}</p>
          <SlotButtons slots={refusal.suggestions} withDay />
        </Form>
      ) : overTime ? (
        <p>{t("booking.refused.noneNext")}</p>
      ) : null}
    </FormAlert>
  );
}

function SlotButtons({ slots, withDay = false }: { slots: SlotChoice[]; withDay?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="slots__list">
      {slots.map((slot) => (
        <li key={slot.startsAt}>
          <button type="submit" name="startsAt" value={slot.startsAt} className="slot">
            {withDay ? <span className="slot__day">{slot.day}</span> : null}
            <span className="slot__start">{slot.start}</span>
            <span className="slot__end">{t("booking.day.until", { time: slot.end })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
