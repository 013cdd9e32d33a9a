/** The fields of `next` whose value differs from `current` (compared as JSON), or null when none does. */
export function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> | null {
  const patch: Partial<T> = {};
  let any = false;
  for (const [key, value] of Object.entries(next) as [keyof T, T[keyof T]][]) {
    if (JSON.stringify(value) !== JSON.stringify(current[key])) {
      patch[key] = value;
      any = true;
    }
  }
  return any ? patch : null;
}
