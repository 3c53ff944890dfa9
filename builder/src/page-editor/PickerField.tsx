import { Match, Switch } from 'solid-js'
import { CategoryPicker } from '../kit/pickers/CategoryPicker.tsx'
import { ColorPicker } from '../kit/pickers/ColorPicker.tsx'
import { ImagePicker } from '../kit/pickers/ImagePicker.tsx'
import { LinkPicker } from '../kit/pickers/LinkPicker.tsx'
import { ProductPicker } from '../kit/pickers/ProductPicker.tsx'
import type { Field } from './inspector-fields.ts'

/** The kinds of field a picker edits. */
export const PICKER_KINDS: ReadonlySet<Field['kind']> = new Set([
  'image',
  'link',
  'color',
  'category',
  'categories',
  'products',
])

const asString = (value: unknown) => (typeof value === 'string' && value ? value : undefined)
const asIds = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * A prop edited with one of the kit's pickers: image, link, colour, category or products. An
 * emptied optional prop is removed (undefined), so the block falls back to its default.
 */
export function PickerField(p: {
  field: Field
  value: unknown
  set: (value: unknown) => void
  id: string
  slug: string
  label: string
}) {
  const setText = (value: string | undefined) =>
    p.set(value === undefined && p.field.required ? '' : value)
  return (
    <Switch>
      <Match when={p.field.kind === 'image'}>
        <ImagePicker
          slug={p.slug}
          id={p.id}
          label={p.label}
          value={asString(p.value)}
          onChange={setText}
        />
      </Match>
      <Match when={p.field.kind === 'link'}>
        <LinkPicker
          slug={p.slug}
          id={p.id}
          label={p.label}
          optional={!p.field.required}
          value={asString(p.value)}
          onChange={setText}
        />
      </Match>
      <Match when={p.field.kind === 'color'}>
        <ColorPicker id={p.id} label={p.label} value={asString(p.value)} onChange={setText} />
      </Match>
      <Match when={p.field.kind === 'category'}>
        <CategoryPicker
          slug={p.slug}
          id={p.id}
          label={p.label}
          value={asString(p.value) ? [p.value as string] : []}
          onChange={(ids) => setText(ids[0])}
        />
      </Match>
      <Match when={p.field.kind === 'categories'}>
        <CategoryPicker
          slug={p.slug}
          id={p.id}
          label={p.label}
          multiple
          value={asIds(p.value)}
          onChange={p.set}
        />
      </Match>
      <Match when={p.field.kind === 'products'}>
        <ProductPicker
          slug={p.slug}
          id={p.id}
          label={p.label}
          multiple
          value={asIds(p.value)}
          onChange={p.set}
        />
      </Match>
    </Switch>
  )
}
