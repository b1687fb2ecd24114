import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commentMax, noteMax, smartTexts } from "../../../core/goals/forms.ts";
import type { loadGoal } from "../goals.server.ts";
import { Field, TextAreaField } from "../../kernel/components/Field.tsx";
import { ErrorSummary, GoalFields, useAnswer, type FormAnswer } from "./GoalFields.tsx";
import { GoalMeter } from "./GoalsPage.tsx";
import { ProgressChart } from "./ProgressChart.tsx";

const doneMessages = ["created", "progress", "comment", "edited", "achieve", "stop", "reopen"] as const;

/** One goal: its SMART fields, progress with its history, comments, and what the viewer may change. */
export function GoalPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loadGoal>();
  const answer = useActionData<FormAnswer & { refused?: string | null }>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const progress = useAnswer(answer, "progress");
  const comment = useAnswer(answer, "comment");
  const edit = useAnswer(answer, "edit");
  const { goal } = page;
  const open = goal.status === "open";
  const done = answer ? undefined : doneMessages.find((each) => each === searchParams.get("done"));
  const name = page.client.name;
  return (
    <section className="narrow goals">
      <p>
        <Link to={page.base}>{page.ownGoals ? t("goals.back") : t("goals.backStaff", { name })}</Link>
      </p>
      <h1>
        {goal.title}
        {!open ? <span className="badge">{t(`goals.status.${goal.status}`)}</span> : null}
      </h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`goals.done.${done}`)}
        </p>
      ) : null}
      {answer?.refused === "notOpen" ? (
        <p className="notice notice--error" role="alert">
          {t("goals.refused.notOpen")}
        </p>
      ) : null}

      <GoalMeter goal={goal} />
      <dl className="goal-facts">
        {smartTexts.map((field) =>
          goal[field] ? (
            <div key={field}>
              <dt>{t(`goals.fields.${field}`)}</dt>
              <dd>{goal[field]}</dd>
            </div>
          ) : null,
        )}
        <div>
          <dt>{t("goals.fields.dueOn")}</dt>
          <dd>{goal.due ?? t("goals.noDue")}</dd>
        </div>
      </dl>

      {page.canEdit && open ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title" className="section-title">
            {t("goals.progress.title")}
          </h2>
          <ErrorSummary answer={progress} prefix="progress" />
          {/* A new form after each step, so the note just sent does not stay in its field. */}
          <Form key={page.history.at(-1)?.id} method="post" className="form" noValidate>
            <Field
              id="progress-progress"
              name="progress"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              label={t("goals.progress.value")}
              defaultValue={progress.value("progress", String(goal.progress))}
              error={progress.error("progress")}
            />
            <TextAreaField
              id="progress-note"
              name="note"
              rows={2}
              maxLength={noteMax}
              label={t("goals.progress.note")}
              hint={t("goals.progress.noteHint")}
              defaultValue={progress.value("note")}
              error={progress.error("note")}
            />
            <button type="submit" name="intent" value="progress" className="button" disabled={busy}>
              {t("goals.progress.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="section-title">
          {t("goals.history.title")}
        </h2>
        <ProgressChart points={page.history} />
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title" className="section-title">
          {t("goals.comments.title")}
        </h2>
        {page.comments.length === 0 ? <p>{t("goals.comments.none")}</p> : null}
        <ol className="goal-comments">
          {page.comments.map((each) => (
            <li key={each.id} className={each.mine ? "goal-comment goal-comment--mine" : "goal-comment"}>
              <p className="item-list__meta">
                {each.mine ? t("goals.comments.you") : each.author} · {each.when}
              </p>
              <p className="goal-comment__body">{each.body}</p>
            </li>
          ))}
        </ol>
        <ErrorSummary answer={comment} prefix="comment" />
        <Form key={page.comments.at(-1)?.id} method="post" className="form" noValidate>
          <TextAreaField
            id="comment-body"
            name="body"
            maxLength={commentMax}
            label={t("goals.comments.label")}
            required
            defaultValue={comment.value("body")}
            error={comment.error("body")}
          />
          <button type="submit" name="intent" value="comment" className="button" disabled={busy}>
            {t("goals.comments.submit")}
          </button>
        </Form>
      </section>

      {page.canEdit && open ? (
        <>
          <details className="goal-edit" open={edit.refused}>
            <summary>{t("goals.edit.title")}</summary>
            <ErrorSummary answer={edit} prefix="edit" />
            <Form method="post" className="form" noValidate>
              <GoalFields answer={edit} saved={page.smart} prefix="edit" />
              <button type="submit" name="intent" value="edit" className="button" disabled={busy}>
                {t("goals.edit.submit")}
              </button>
            </Form>
          </details>
          <h2 className="section-title">{t("goals.close.title")}</h2>
          <p>{t("goals.close.intro")}</p>
          <Form method="post" className="goal-actions">
            <button type="submit" name="intent" value="achieve" className="button" disabled={busy}>
              {t("goals.close.achieve")}
            </button>
            <button
              type="submit"
              name="intent"
              value="stop"
              className="button button--secondary"
              disabled={busy}
            >
              {t("goals.close.stop")}
            </button>
          </Form>
        </>
      ) : null}
      {page.canEdit && !open ? (
        <Form method="post" className="goal-actions">
          <button
            type="submit"
            name="intent"
            value="reopen"
            className="button button--secondary"
            disabled={busy}
          >
            {t("goals.close.reopen")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
