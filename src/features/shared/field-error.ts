/** A Fluent Field's message and state for one field of a form's errors (none when it has no error). */
export const fieldError = (errors: Readonly<Record<string, string | undefined>>, field: string) => ({
  validationMessage: errors[field],
  validationState: errors[field] ? ('error' as const) : ('none' as const),
});
