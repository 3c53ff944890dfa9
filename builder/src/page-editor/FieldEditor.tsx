import { For, Index, Match, Show, Switch } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import IconX from '~icons/lucide/x'
import { localized, propLabel, t } from '../app/i18n.ts'
import type { Field } from './inspector-fields.ts'
import { fieldLabel } from './editor-strings.ts'
import { PICKER_KINDS, PickerField } from './PickerField.tsx'
import { UnionEditor } from './UnionEditor.tsx'
import { nextCoalesceKey } from './use-editor.ts'

/** Sets a field's whole value; `coalesceKey` joins a typing burst into one undo step. */
type Setter = (value: unknown, coalesceKey?: string) => void

type Localized = Record<string, string | undefined>
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/**
 * The editor of one field, by kind: localized text (a zh-CN and en pair), text, number, select,
 * switch, pickers (image, link, colour, category, products), a union's shapes, list of objects,
 * nested object; a kind it cannot edit is shown read-only.
 */
export function FieldEditor(p: {
  field: Field
  value: unknown
  set: Setter
  id: string
  /**
   * The mall, for pickers that search its catalogue, pages and media. Without it (forms outside
   * a mall's pages) those props are edited as plain text, and lists of ids are not editable.
   */
  slug?: string | undefined
}) {
  const field = () => (p.slug ? p.field : withoutMallPickers(p.field))
  let key: string | undefined
  const focus = () => (key = nextCoalesceKey(p.id))
  const label = () => {
    const own = field().label
    return own ? localized(own) : fieldLabel(field().key, propLabel)
  }
  const help = () => (field().help ? localized(field().help) : '')
  return (
    <div class="ck-field" data-field={field().key}>
      <Switch
        fallback={
          <>
            <span class="ck-field__label">{label()}</span>
            <p class="ck-muted">{t().notEditable}</p>
          </>
        }
      >
        <Match when={PICKER_KINDS.has(field().kind)}>
          <PickerField
            field={field()}
            value={p.value}
            set={(value) => p.set(value)}
            id={p.id}
            slug={p.slug ?? ''}
            label={label()}
          />
        </Match>
        <Match when={field().kind === 'union' && field()}>
          {(field) => (
            <UnionEditor
              field={field() as Extract<Field, { kind: 'union' }>}
              value={p.value}
              set={p.set}
              id={p.id}
              label={label()}
              renderField={(child, value, set, id) => (
                <FieldEditor field={child} value={value()} set={set} id={id} slug={p.slug} />
              )}
            />
          )}
        </Match>
        <Match when={field().kind === 'localized'}>
          <fieldset class="ck-field__pair">
            <legend class="ck-field__label">{label()}</legend>
            <For each={['zh-CN', 'en'] as const}>
              {(lang) => (
                <label>
                  <span>{lang === 'zh-CN' ? t().zh : t().enName}</span>
                  <input
                    type="text"
                    aria-label={`${label()} (${lang === 'zh-CN' ? t().zh : t().enName})`}
                    value={(asRecord(p.value) as Localized)[lang] ?? ''}
                    onFocus={focus}
                    onInput={(e) => {
                      const next: Localized = { ...(asRecord(p.value) as Localized) }
                      if (e.currentTarget.value) next[lang] = e.currentTarget.value
                      else delete next[lang]
                      p.set(next, key)
                    }}
                  />
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={field().kind === 'string' && field()}>
          {(field) => (
            <label>
              <span class="ck-field__label">{label()}</span>
              <input
                type="text"
                value={typeof p.value === 'string' ? p.value : ''}
                maxLength={(field() as Extract<Field, { kind: 'string' }>).maxLength}
                required={field().required}
                onFocus={focus}
                onInput={(e) =>
                  p.set(
                    e.currentTarget.value === '' && !field().required
                      ? undefined
                      : e.currentTarget.value,
                    key,
                  )
                }
              />
            </label>
          )}
        </Match>
        <Match when={field().kind === 'number' && field()}>
          {(field) => {
            const f = field() as Extract<Field, { kind: 'number' }>
            return (
              <label>
                <span class="ck-field__label">{label()}</span>
                <input
                  type="number"
                  value={typeof p.value === 'number' ? p.value : ''}
                  min={f.min}
                  max={f.max}
                  step={f.integer ? 1 : 'any'}
                  onFocus={focus}
                  onInput={(e) => {
                    const n = e.currentTarget.valueAsNumber
                    if (!Number.isNaN(n)) p.set(n, key)
                  }}
                />
              </label>
            )
          }}
        </Match>
        <Match when={field().kind === 'enum' && field()}>
          {(field) => {
            const options = () => (field() as Extract<Field, { kind: 'enum' }>).options
            return (
              <label>
                <span class="ck-field__label">{label()}</span>
                <select
                  value={String(options().indexOf(p.value as string))}
                  onChange={(e) => p.set(options()[Number(e.currentTarget.value)])}
                >
                  <For each={options()}>
                    {(option, i) => <option value={String(i())}>{String(option)}</option>}
                  </For>
                </select>
              </label>
            )
          }}
        </Match>
        <Match when={field().kind === 'boolean'}>
          <label class="ck-switch">
            <input
              type="checkbox"
              role="switch"
              checked={p.value === true}
              onChange={(e) => p.set(e.currentTarget.checked)}
            />
            <span class="ck-field__label">{label()}</span>
          </label>
        </Match>
        <Match when={field().kind === 'list' && field()}>
          {(field) => (
            <ListEditor
              field={field() as Extract<Field, { kind: 'list' }>}
              value={p.value}
              set={p.set}
              id={p.id}
              slug={p.slug}
              label={label()}
            />
          )}
        </Match>
        <Match when={field().kind === 'object' && field()}>
          {(field) => (
            <fieldset>
              <legend class="ck-field__label">{label()}</legend>
              <For each={(field() as Extract<Field, { kind: 'object' }>).fields}>
                {(child) => (
                  <FieldEditor
                    field={child}
                    slug={p.slug}
                    id={`${p.id}.${child.key}`}
                    value={asRecord(p.value)[child.key]}
                    set={(value, k) => p.set(withKey(asRecord(p.value), child.key, value), k)}
                  />
                )}
              </For>
            </fieldset>
          )}
        </Match>
      </Switch>
      <Show when={help()}>
        <p class="ck-help">{help()}</p>
      </Show>
    </div>
  )
}

/** A field whose picker needs a mall, as the plain editor of its JSON type. */
function withoutMallPickers(field: Field): Field {
  if (field.kind === 'products' || field.kind === 'categories')
    return { key: field.key, required: field.required, kind: 'unsupported' }
  if (field.kind === 'image' || field.kind === 'link' || field.kind === 'category')
    return { key: field.key, required: field.required, kind: 'string' }
  return field
}

function withKey(object: Record<string, unknown>, key: string, value: unknown) {
  const next = { ...object, [key]: value }
  if (value === undefined) delete next[key]
  return next
}

/** A list of objects (banner slides, nav items): add, remove and edit items in place. */
function ListEditor(p: {
  field: Extract<Field, { kind: 'list' }>
  value: unknown
  set: Setter
  id: string
  slug: string | undefined
  label: string
}) {
  const items = () => (Array.isArray(p.value) ? (p.value as unknown[]) : [])
  const full = () => p.field.maxItems !== undefined && items().length >= p.field.maxItems
  return (
    <fieldset class="ck-list-editor">
      <legend class="ck-field__label">{p.label}</legend>
      <Index each={items()}>
        {(item, i) => (
          <div
            class="ck-list-editor__item"
            role="group"
            aria-label={`${p.label} ${t().item(i + 1)}`}
          >
            <div class="ck-list-editor__head">
              <span>{t().item(i + 1)}</span>
              <button
                type="button"
                class="ck-icon-btn"
                aria-label={t().removeItem(i + 1)}
                onClick={() => p.set(items().filter((_, j) => j !== i))}
              >
                <IconX aria-hidden="true" />
              </button>
            </div>
            <For each={p.field.item}>
              {(child) => (
                <FieldEditor
                  field={child}
                  slug={p.slug}
                  id={`${p.id}.${i}.${child.key}`}
                  value={asRecord(item())[child.key]}
                  set={(value, k) =>
                    p.set(
                      items().map((old, j) =>
                        j === i ? withKey(asRecord(old), child.key, value) : old,
                      ),
                      k,
                    )
                  }
                />
              )}
            </For>
          </div>
        )}
      </Index>
      <button
        type="button"
        class="ck-btn"
        disabled={full()}
        onClick={() => p.set([...items(), structuredClone(p.field.itemDefault)])}
      >
        <IconPlus aria-hidden="true" /> {t().addItem}
      </button>
    </fieldset>
  )
}
