/**
 * The inspector's form, derived from a block's props as JSON Schema (`GET /api/admin/blocks`):
 * pure, so the mapping is tested without a browser. A prop this cannot edit yet becomes an
 * `unsupported` field, shown read-only rather than dropped.
 */

/** The subset of JSON Schema (draft 2020-12) the catalog's props use. */
export interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: readonly string[]
  items?: JsonSchema
  enum?: readonly unknown[]
  const?: unknown
  anyOf?: readonly JsonSchema[]
  oneOf?: readonly JsonSchema[]
  default?: unknown
  minimum?: number
  maximum?: number
  maxLength?: number
  maxItems?: number
  pattern?: string
}

/** What the manifest's `inspector` hints say of one prop. */
export interface InspectorHint {
  widget?: string
  help?: { 'zh-CN': string; en: string }
}

interface FieldBase {
  /** The prop's key in its object. */
  key: string
  required: boolean
  help?: InspectorHint['help']
}

/** One editor in the inspector, by the kind of value it edits. */
export type Field = FieldBase &
  (
    | { kind: 'localized' }
    | { kind: 'string'; maxLength?: number; pattern?: string }
    | { kind: 'number'; integer: boolean; min?: number; max?: number }
    | { kind: 'enum'; options: readonly (string | number | boolean)[] }
    | { kind: 'boolean' }
    | { kind: 'list'; item: Field[]; itemDefault: Record<string, unknown>; maxItems?: number }
    | { kind: 'object'; fields: Field[] }
    | { kind: 'unsupported' }
  )

const LOCALES = ['zh-CN', 'en']

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/** The fields of an object schema's properties, in declaration order. */
export function fieldsFor(schema: JsonSchema, hints: Record<string, InspectorHint> = {}): Field[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([key, prop]) => {
    const help = hints[key]?.help
    return fieldFor(key, prop, required.has(key), help)
  })
}

function fieldFor(
  key: string,
  schema: JsonSchema,
  required: boolean,
  help: InspectorHint['help'],
): Field {
  const base: FieldBase = { key, required, ...(help ? { help } : {}) }
  if (schema.enum && schema.enum.every(isScalar))
    return { ...base, kind: 'enum', options: schema.enum }
  const union = schema.anyOf ?? schema.oneOf
  if (union) {
    const consts = union.map((member) => member.const)
    return consts.every(isScalar)
      ? { ...base, kind: 'enum', options: consts }
      : { ...base, kind: 'unsupported' }
  }
  switch (schema.type) {
    case 'string':
      return {
        ...base,
        kind: 'string',
        ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
        ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
      }
    case 'integer':
    case 'number':
      return {
        ...base,
        kind: 'number',
        integer: schema.type === 'integer',
        ...(schema.minimum !== undefined ? { min: schema.minimum } : {}),
        ...(schema.maximum !== undefined ? { max: schema.maximum } : {}),
      }
    case 'boolean':
      return { ...base, kind: 'boolean' }
    case 'array':
      if (schema.items?.type !== 'object') return { ...base, kind: 'unsupported' }
      return {
        ...base,
        kind: 'list',
        item: fieldsFor(schema.items),
        itemDefault: defaultsOf(schema.items),
        ...(schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {}),
      }
    case 'object': {
      const keys = Object.keys(schema.properties ?? {})
      if (keys.length > 0 && keys.every((k) => LOCALES.includes(k)))
        return { ...base, kind: 'localized' }
      return keys.length > 0
        ? { ...base, kind: 'object', fields: fieldsFor(schema) }
        : { ...base, kind: 'unsupported' }
    }
    default:
      return { ...base, kind: 'unsupported' }
  }
}

/**
 * A new value of an object schema, for a list's "add": each prop's default, else an empty value
 * for required props (so the item is editable; publish still names what is left invalid).
 */
export function defaultsOf(schema: JsonSchema): Record<string, unknown> {
  const required = new Set(schema.required ?? [])
  const value: Record<string, unknown> = {}
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if ('default' in prop) value[key] = structuredClone(prop.default)
    else if (required.has(key)) value[key] = emptyOf(prop)
  }
  return value
}

function emptyOf(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0]
  switch (schema.type) {
    case 'string':
      return ''
    case 'integer':
    case 'number':
      return schema.minimum ?? 0
    case 'boolean':
      return false
    case 'array':
      return []
    case 'object':
      return defaultsOf(schema)
    default:
      return null
  }
}
