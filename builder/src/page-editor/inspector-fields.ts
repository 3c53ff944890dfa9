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
  minItems?: number
  pattern?: string
  format?: string
  /** From the zod schema's `.meta({ label, help })` (plugin settings use them). */
  label?: { 'zh-CN': string; en: string }
  help?: { 'zh-CN': string; en: string }
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
  /** The schema's own label; without one the key is named from the editor's word list. */
  label?: { 'zh-CN': string; en: string }
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
    | { kind: 'image' }
    | { kind: 'link' }
    | { kind: 'color' }
    | { kind: 'category' }
    | { kind: 'categories'; maxItems?: number }
    | { kind: 'products'; maxItems?: number }
    | { kind: 'union'; discriminator: string; members: UnionMember[] }
    | { kind: 'list'; item: Field[]; itemDefault: Record<string, unknown>; maxItems?: number }
    | { kind: 'object'; fields: Field[] }
    | { kind: 'unsupported' }
  )

/** One shape of a discriminated union (a product grid's source: new, category, manual…). */
export interface UnionMember {
  /** The discriminator's value for this shape. */
  value: string
  /** Its other props. */
  fields: Field[]
  /** A fresh value of this shape, discriminator included. */
  defaults: Record<string, unknown>
}

const LOCALES = ['zh-CN', 'en']

/** Inspector `widget` hints that pick a picker instead of the plain editor of the type. */
const WIDGETS: Record<string, Field['kind']> = {
  image: 'image',
  link: 'link',
  color: 'color',
  colour: 'color',
  category: 'category',
  'category-picker': 'category',
  categories: 'categories',
  products: 'products',
  'product-picker': 'products',
}

/**
 * The picker a prop gets from its name when it has no hint (props inside lists and unions carry
 * none): the blocks name their images, links, colours and catalogue references consistently.
 */
function pickerByName(key: string, schema: JsonSchema): Field['kind'] | null {
  if (schema.type === 'string') {
    if (/^(image|poster|cover|logo)$|Image$/.test(key)) return 'image'
    if (/^(link|href)$|Link$/.test(key)) return 'link'
    if (/^colou?r$|Colou?r$/.test(key)) return 'color'
    if (/^categoryId$/.test(key)) return 'category'
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    if (key === 'productIds') return 'products'
    if (key === 'categoryIds') return 'categories'
  }
  return null
}

/** The kinds a hint or name may turn a prop into, by the JSON type they edit. */
const PICKER_TYPES: Partial<Record<Field['kind'], string>> = {
  image: 'string',
  link: 'string',
  color: 'string',
  category: 'string',
  categories: 'array',
  products: 'array',
}

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/** The fields of an object schema's properties, in declaration order. */
export function fieldsFor(schema: JsonSchema, hints: Record<string, InspectorHint> = {}): Field[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([key, prop]) =>
    fieldFor(key, prop, required.has(key), hints[key]),
  )
}

function fieldFor(
  key: string,
  schema: JsonSchema,
  required: boolean,
  hint: InspectorHint | undefined,
): Field {
  const help = hint?.help ?? schema.help
  const base: FieldBase = {
    key,
    required,
    ...(help ? { help } : {}),
    ...(schema.label ? { label: schema.label } : {}),
  }
  const picker = (hint?.widget && WIDGETS[hint.widget]) || pickerByName(key, schema)
  if (picker && PICKER_TYPES[picker] === schema.type) {
    if (picker === 'products' || picker === 'categories')
      return {
        ...base,
        kind: picker,
        ...(schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {}),
      }
    return { ...base, kind: picker } as Field
  }
  if (schema.enum && schema.enum.every(isScalar))
    return { ...base, kind: 'enum', options: schema.enum }
  const union = schema.anyOf ?? schema.oneOf
  if (union) {
    const consts = union.map((member) => member.const)
    if (consts.every(isScalar)) return { ...base, kind: 'enum', options: consts }
    const tagged = taggedUnion(union)
    return tagged ? { ...base, kind: 'union', ...tagged } : { ...base, kind: 'unsupported' }
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
 * A union of objects that share one property holding a different constant string in each (a
 * discriminated union, like `{ kind: 'category', categoryId }`), or null.
 */
function taggedUnion(
  union: readonly JsonSchema[],
): { discriminator: string; members: UnionMember[] } | null {
  const first = union[0]
  if (!first || union.some((member) => member.type !== 'object')) return null
  const discriminator = Object.keys(first.properties ?? {}).find((key) =>
    union.every((member) => typeof member.properties?.[key]?.const === 'string'),
  )
  if (!discriminator) return null
  const members = union.map((member): UnionMember => {
    const value = member.properties?.[discriminator]?.const as string
    const rest: JsonSchema = {
      ...member,
      properties: Object.fromEntries(
        Object.entries(member.properties ?? {}).filter(([key]) => key !== discriminator),
      ),
    }
    return {
      value,
      fields: fieldsFor(rest),
      defaults: { [discriminator]: value, ...defaultsOf(rest) },
    }
  })
  return new Set(members.map((m) => m.value)).size === members.length
    ? { discriminator, members }
    : null
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
