import { For, Show, type JSX } from 'solid-js'
import type { Field, UnionMember } from './inspector-fields.ts'
import { editorText } from './editor-strings.ts'

type UnionField = Extract<Field, { kind: 'union' }>

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/**
 * A discriminated union (a product grid's source): a select of its shapes, then the chosen
 * shape's own fields. Switching shape starts from that shape's defaults, one undo step.
 */
export function UnionEditor(p: {
  field: UnionField
  value: unknown
  set: (value: unknown, coalesceKey?: string) => void
  id: string
  label: string
  renderField: (
    field: Field,
    /** The field's current value (an accessor, so the field follows changes). */
    value: () => unknown,
    set: (value: unknown, coalesceKey?: string) => void,
    id: string,
  ) => JSX.Element
}) {
  const current = () => asRecord(p.value)[p.field.discriminator]
  const member = (): UnionMember | undefined => p.field.members.find((m) => m.value === current())
  const name = (value: string) => editorText().sourceKinds[value] ?? value
  return (
    <fieldset class="ck-field__pair">
      <legend class="ck-field__label">{p.label}</legend>
      <select
        id={p.id}
        aria-label={editorText().shape(p.label)}
        value={typeof current() === 'string' ? (current() as string) : ''}
        onChange={(e) => {
          const next = p.field.members.find((m) => m.value === e.currentTarget.value)
          if (next) p.set(structuredClone(next.defaults))
        }}
      >
        <For each={p.field.members}>{(m) => <option value={m.value}>{name(m.value)}</option>}</For>
      </select>
      <Show when={member()} keyed>
        {(shape) => (
          <For each={shape.fields}>
            {(child) =>
              p.renderField(
                child,
                () => asRecord(p.value)[child.key],
                (value, key) => {
                  const next = { ...asRecord(p.value), [child.key]: value }
                  if (value === undefined) delete next[child.key]
                  p.set(next, key)
                },
                `${p.id}.${child.key}`,
              )
            }
          </For>
        )}
      </Show>
    </fieldset>
  )
}
