import { For, Index, Match, Show, Switch } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import IconX from '~icons/lucide/x'
import { localized, propLabel, t } from '../app/i18n.ts'
import type { Field } from './inspector-fields.ts'
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
 * switch, list of objects, nested object; a kind it cannot edit is shown read-only.
 */
export function FieldEditor(p: { field: Field; value: unknown; set: Setter; id: string }) {
  let key: string | undefined
  const focus = () => (key = nextCoalesceKey(p.id))
  const label = () => propLabel(p.field.key)
  const help = () => (p.field.help ? localized(p.field.help) : '')
  return (
    <div class="ck-field" data-field={p.field.key}>
      <Switch
        fallback={
          <>
            <span class="ck-field__label">{label()}</span>
            <p class="ck-muted">{t().notEditable}</p>
          </>
        }
      >
        <Match when={p.field.kind === 'localized'}>
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
        <Match when={p.field.kind === 'string' && p.field}>
          {(field) => (
            <label>
              <span class="ck-field__label">{label()}</span>
              <input
                type="text"
                value={typeof p.value === 'string' ? p.value : ''}
                maxLength={'maxLength' in field() ? field().maxLength : undefined}
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
        <Match when={p.field.kind === 'number' && p.field}>
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
        <Match when={p.field.kind === 'enum' && p.field}>
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
        <Match when={p.field.kind === 'boolean'}>
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
        <Match when={p.field.kind === 'list' && p.field}>
          {(field) => (
            <ListEditor
              field={field() as Extract<Field, { kind: 'list' }>}
              value={p.value}
              set={p.set}
              id={p.id}
              label={label()}
            />
          )}
        </Match>
        <Match when={p.field.kind === 'object' && p.field}>
          {(field) => (
            <fieldset>
              <legend class="ck-field__label">{label()}</legend>
              <For each={(field() as Extract<Field, { kind: 'object' }>).fields}>
                {(child) => (
                  <FieldEditor
                    field={child}
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
