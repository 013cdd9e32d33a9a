/**
 * An object that is `target` with some members added or replaced: everything else is read from
 * `target` when asked for, and its methods stay bound to it (so classes with private fields keep
 * working through the wrapper).
 */
export function extend<A extends object, E extends object>(target: A, extra: E): Omit<A, keyof E> & E {
  type Method = (...args: unknown[]) => unknown;
  const bound = new WeakMap<Method, Method>();
  return new Proxy(target, {
    get(t, key) {
      if (Object.hasOwn(extra, key)) return (extra as Record<PropertyKey, unknown>)[key];
      const value: unknown = Reflect.get(t, key);
      if (typeof value !== 'function') return value;
      const method = value as Method;
      if (!bound.has(method)) bound.set(method, method.bind(t));
      return bound.get(method);
    },
    has: (t, key) => Object.hasOwn(extra, key) || key in t,
  }) as unknown as Omit<A, keyof E> & E;
}
