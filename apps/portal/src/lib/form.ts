/** A text field of a submitted form, trimmed; '' when absent (or a file). */
export function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Every value of a repeated field (checkboxes), as text. */
export function fields(data: FormData, name: string): string[] {
  return data.getAll(name).filter((v): v is string => typeof v === 'string');
}
