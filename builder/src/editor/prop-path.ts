import type { PropPath } from './actions.ts'

// Keys that would reach an object's prototype instead of setting a field.
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value at a path, or undefined when the path leads nowhere. */
export function getAtPath(value: unknown, path: PropPath): unknown {
  let here = value
  for (const key of path) {
    if (Array.isArray(here) && typeof key === 'number') here = here[key]
    else if (isRecord(here) && typeof key === 'string') here = here[key]
    else return undefined
  }
  return here
}

/**
 * A copy of `target` with `value` at `path`, creating missing objects (or a list, for an index
 * key) on the way; `undefined` removes an object key. Lists grow by one at most (index = length),
 * and list items are removed by setting the whole list, so an index never leaves a hole.
 */
export function setAtPath(
  target: unknown,
  path: PropPath,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const [key, ...rest] = path
  if (key === undefined) return { ok: true, value }
  const container = target === undefined ? (typeof key === 'number' ? [] : {}) : target
  if (Array.isArray(container)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key > container.length)
      return {
        ok: false,
        message: `${String(key)} is not an index of a list of ${container.length}`,
      }
    if (rest.length === 0 && value === undefined)
      return { ok: false, message: 'remove a list item by setting the whole list' }
    const inner = setAtPath(container[key], rest, value)
    if (!inner.ok) return inner
    return { ok: true, value: container.toSpliced(key, 1, inner.value) }
  }
  if (isRecord(container)) {
    if (typeof key !== 'string' || unsafeKeys.has(key))
      return { ok: false, message: `${String(key)} is not a field name` }
    if (rest.length === 0 && value === undefined) {
      return {
        ok: true,
        value: Object.fromEntries(Object.entries(container).filter(([k]) => k !== key)),
      }
    }
    const inner = setAtPath(container[key], rest, value)
    return inner.ok ? { ok: true, value: { ...container, [key]: inner.value } } : inner
  }
  return { ok: false, message: `cannot set ${String(key)} inside a ${typeof container}` }
}
