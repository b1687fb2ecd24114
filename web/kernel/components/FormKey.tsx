/** The hidden key a create form carries (web/kernel/forms.server.ts), so sending it twice writes once. */
export function FormKey({ value }: { value: string }) {
  return <input type="hidden" name="formKey" value={value} />;
}
