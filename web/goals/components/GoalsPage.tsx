import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loadGoals, ShownGoal } from "../goals.server.ts";
import { FormKey } from "../../kernel/components/FormKey.tsx";
import { ErrorSummary, GoalFields, useAnswer, type FormAnswer } from "./GoalFields.tsx";

/** The meter of one goal: the native progress element, named for screen readers. */
export function GoalMeter({ goal }: { goal: Pick<ShownGoal, "progress" | "title"> }) {
  const { t } = useTranslation();
  return (
    <div className="goal-meter">
      <progress max={100} value={goal.progress} aria-label={`${t("goals.progress.meter")}: ${goal.title}`}>
        {`${goal.progress}%`}
      </progress>
      <span className="goal-meter__value">{t("goals.progressOf", { value: goal.progress })}</span>
    </div>
  );
}

function GoalItem({ goal, base }: { goal: ShownGoal; base: string }) {
  const { t } = useTranslation();
  return (
    <li className="goal-card">
      <h3 className="goal-card__title">
        <Link to={`${base}/${goal.id}`}>{goal.title}</Link>
        {goal.status !== "open" ? <span className="badge">{t(`goals.status.${goal.status}`)}</span> : null}
      </h3>
      <GoalMeter goal={goal} />
      <p className="item-list__meta">
        {goal.status !== "open" && goal.closedAt
          ? t("goals.closedOn", { date: goal.closedAt })
          : goal.due
            ? t("goals.due", { date: goal.due })
            : t("goals.noDue")}
      </p>
    </li>
  );
}

/** A client's goals: the ones that run, the closed ones, and a new one (client and staff pages alike). */
export function GoalsPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loadGoals>();
  const answer = useActionData<FormAnswer>();
  const create = useAnswer(answer, "create");
  const busy = useNavigation().state === "submitting";
  const name = page.client.name;
  return (
    <section className="narrow goals">
      <h1>{page.ownGoals ? t("goals.title") : t("goals.staffTitle", { name })}</h1>
      <p className="lead">{page.ownGoals ? t("goals.intro") : t("goals.staffIntro", { name })}</p>
      {page.ownGoals && !page.canEdit ? (
        <p className="notice" role="note">
          {t("goals.readOnly")}
        </p>
      ) : null}

      {page.canEdit ? (
        <details className="goal-add" open={create.refused}>
          <summary className="button">{t("goals.add")}</summary>
          <ErrorSummary answer={create} prefix="new" />
          <p>{t("goals.addIntro")}</p>
          <Form method="post" className="form" noValidate>
            <FormKey value={page.formKey} />
            <GoalFields answer={create} prefix="new" />
            <button type="submit" className="button" disabled={busy}>
              {t("goals.create")}
            </button>
          </Form>
        </details>
      ) : null}

      <h2 className="section-title">{t("goals.open")}</h2>
      {page.open.length === 0 ? <p>{t("goals.noOpen")}</p> : null}
      <ul className="goal-list">
        {page.open.map((goal) => (
          <GoalItem key={goal.id} goal={goal} base={page.base} />
        ))}
      </ul>
      {page.closed.length > 0 ? (
        <>
          <h2 className="section-title">{t("goals.closed")}</h2>
          <ul className="goal-list">
            {page.closed.map((goal) => (
              <GoalItem key={goal.id} goal={goal} base={page.base} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
