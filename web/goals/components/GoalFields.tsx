import { useTranslation } from "react-i18next";
import { smartTexts, textMax, titleMax } from "../../../core/goals/forms.ts";
import { Field, FormAlert, TextAreaField } from "../../kernel/components/Field.tsx";

export type FormAnswer = { form: string; errors: Record<string, string>; values: Record<string, string> };

// The domain refuses with a goal code, the form's schema with a full i18n key.
const messageKey = (code: string) => (code.includes(".") ? code : `goals.errors.${code}`);

/** What to show in one field of one form: what was typed (or the saved value) and its message. */
export function useAnswer(answer: FormAnswer | undefined, form: string) {
  const { t } = useTranslation();
  const mine = answer?.form === form ? answer : undefined;
  return {
    answer: mine,
    refused: Boolean(mine && Object.keys(mine.errors).length > 0),
    fields: Object.keys(mine?.errors ?? {}),
    value: (name: string, saved = "") => mine?.values[name] ?? saved,
    error: (name: string) => (mine?.errors[name] ? t(messageKey(mine.errors[name])) : undefined),
  };
}

/** The SMART fields of a new or changed goal; `prefix` keeps ids apart when a page has two such forms. */
export function GoalFields({
  answer,
  saved,
  prefix,
}: {
  answer: ReturnType<typeof useAnswer>;
  saved?: Record<string, string>;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        id={`${prefix}-title`}
        name="title"
        label={t("goals.fields.title")}
        hint={t("goals.fields.titleHint")}
        required
        maxLength={titleMax}
        defaultValue={answer.value("title", saved?.title)}
        error={answer.error("title")}
      />
      {smartTexts.map((name) => (
        <TextAreaField
          key={name}
          id={`${prefix}-${name}`}
          name={name}
          label={t(`goals.fields.${name}`)}
          hint={t(`goals.fields.${name}Hint`)}
          maxLength={textMax}
          defaultValue={answer.value(name, saved?.[name])}
          error={answer.error(name)}
        />
      ))}
      <Field
        id={`${prefix}-dueOn`}
        name="dueOn"
        type="date"
        label={t("goals.fields.dueOn")}
        hint={t("goals.fields.dueOnHint")}
        defaultValue={answer.value("dueOn", saved?.dueOn)}
        error={answer.error("dueOn")}
      />
    </>
  );
}

/** Above a refused form: what is wrong, each message a link to its field. */
export function ErrorSummary({ answer, prefix }: { answer: ReturnType<typeof useAnswer>; prefix: string }) {
  const { t } = useTranslation();
  if (!answer.refused) return null;
  return (
    <FormAlert title={t("goals.alert")} answer={answer.answer}>
      <ul>
        {answer.fields.map((name) => (
          <li key={name}>
            <a href={`#${prefix}-${name}`}>{answer.error(name)}</a>
          </li>
        ))}
      </ul>
    </FormAlert>
  );
}
