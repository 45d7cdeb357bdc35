import 'reflect-metadata';

const MULTI_LINE = Symbol('vax:multi-line');

/**
 * A free-text field (a reason, a description, a note) that may hold tabs and line breaks. Every
 * other text field refuses them with the rest of the control characters (see text-safety.ts).
 */
export function MultiLine(): PropertyDecorator {
  return (target, key) => {
    const own: ReadonlySet<string | symbol> = Reflect.getOwnMetadata(MULTI_LINE, target) ?? new Set();
    const inherited: ReadonlySet<string | symbol> = Reflect.getMetadata(MULTI_LINE, target) ?? new Set();
    Reflect.defineMetadata(MULTI_LINE, new Set([...inherited, ...own, key]), target);
  };
}

/** Whether `key` of this object (an instance of a request class) was declared @MultiLine(). */
export function isMultiLine(owner: object | undefined, key: string): boolean {
  if (owner === undefined) return false;
  const keys: ReadonlySet<string | symbol> | undefined = Reflect.getMetadata(MULTI_LINE, owner);
  return keys?.has(key) ?? false;
}
