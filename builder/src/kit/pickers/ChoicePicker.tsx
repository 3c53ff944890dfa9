import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js'
import IconX from '~icons/lucide/x'
import { locale, messages } from '../../app/i18n.ts'
import './ChoicePicker.css'

/** One option of a picker: a product, a category, a page. */
export interface Choice {
  id: string
  label: string
  /** Shown on the right (a price, a product count, a path). */
  detail?: string
  /** A thumbnail URL. */
  thumb?: string | null
  /** Indentation in a tree (categories). */
  depth?: number
}

const text = messages({
  en: {
    none: 'Nothing chosen yet.',
    remove: (name: string) => `Remove ${name}`,
    chosen: (label: string) => `${label}: chosen`,
    loading: 'Searching…',
    failed: 'Could not search. Try again.',
    missing: 'No longer exists',
  },
  'zh-CN': {
    none: '尚未选择。',
    remove: (name) => `移除 ${name}`,
    chosen: (label) => `${label}：已选`,
    loading: '搜索中…',
    failed: '搜索失败，请重试。',
    missing: '已不存在',
  },
})

/**
 * A searchable combobox whose chosen items show as removable chips. `search` answers the options
 * for what was typed; `resolve` names ids already set (null: the item no longer exists). Arrow
 * keys move through the options, Enter picks, Escape closes, Backspace in an empty box removes
 * the last chip.
 */
export function ChoicePicker(p: {
  label: string
  id?: string | undefined
  value: string[]
  onChange: (ids: string[]) => void
  multiple?: boolean | undefined
  placeholder: string
  noMatch: string
  search: (q: string) => Promise<Choice[]>
  resolve: (ids: string[]) => Promise<Map<string, Choice | null>>
}) {
  const inputId = p.id ?? createUniqueId()
  const listId = `${inputId}-options`
  const [known, setKnown] = createSignal(new Map<string, Choice | null>())
  const [typed, setTyped] = createSignal('')
  const [open, setOpen] = createSignal(false)
  const [options, setOptions] = createSignal<Choice[]>([])
  const [state, setState] = createSignal<'idle' | 'loading' | 'failed'>('idle')
  const [active, setActive] = createSignal(-1)
  const remember = (entries: Iterable<[string, Choice | null]>) =>
    setKnown((before) => new Map([...before, ...entries]))

  // Names are in the console's language: name the chosen items again when it changes.
  createEffect(on(locale, () => setKnown(new Map()), { defer: true }))
  // Ids being named right now, so a change of value does not ask for them twice.
  const pending = new Set<string>()
  createEffect(() => {
    const unknown = p.value.filter((id) => !known().has(id) && !pending.has(id))
    if (!unknown.length) return
    for (const id of unknown) pending.add(id)
    void p
      .resolve(unknown)
      .then(remember, () => undefined)
      .finally(() => unknown.forEach((id) => pending.delete(id)))
  })

  let generation = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const load = (q: string) => {
    const mine = ++generation
    setState('loading')
    p.search(q).then(
      (found) => {
        if (mine !== generation) return
        setOptions(found)
        setActive(found.length ? 0 : -1)
        setState('idle')
      },
      () => mine === generation && setState('failed'),
    )
  }
  const show = () => {
    if (!open()) {
      setOpen(true)
      load(typed().trim())
    }
  }
  const onInput = (value: string) => {
    setTyped(value)
    setOpen(true)
    clearTimeout(timer)
    timer = setTimeout(() => load(value.trim()), 200)
  }
  const pick = (choice: Choice) => {
    remember([[choice.id, choice]])
    setTyped('')
    const chosen = p.value.includes(choice.id)
    if (!p.multiple) {
      p.onChange([choice.id])
      setOpen(false)
    } else p.onChange(chosen ? p.value.filter((id) => id !== choice.id) : [...p.value, choice.id])
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const count = options().length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open()) return show()
      if (count) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const choice = options()[active()]
      if (open() && choice) pick(choice)
    } else if (event.key === 'Escape' && open()) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
    } else if (event.key === 'Backspace' && typed() === '' && p.value.length) {
      p.onChange(p.value.slice(0, -1))
    }
  }
  const nameOf = (id: string) => {
    const choice = known().get(id)
    return choice === null ? `${text().missing} (${id.slice(0, 8)})` : (choice?.label ?? '…')
  }

  return (
    <div class="ck-pick">
      <label class="ck-field__label" for={inputId}>
        {p.label}
      </label>
      <ul class="ck-pick__chips" aria-label={text().chosen(p.label)}>
        <For each={p.value} fallback={<li class="ck-muted">{text().none}</li>}>
          {(id) => (
            <li
              class="ck-pick__chip"
              classList={{ 'ck-pick__chip--missing': known().get(id) === null }}
            >
              <span>{nameOf(id)}</span>
              <button
                type="button"
                aria-label={text().remove(nameOf(id))}
                onClick={() => p.onChange(p.value.filter((other) => other !== id))}
              >
                <IconX aria-hidden="true" />
              </button>
            </li>
          )}
        </For>
      </ul>
      <input
        id={inputId}
        class="ck-pick__input"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open()}
        aria-controls={listId}
        aria-activedescendant={open() && active() >= 0 ? `${listId}-${active()}` : undefined}
        placeholder={p.placeholder}
        value={typed()}
        onInput={(e) => onInput(e.currentTarget.value)}
        onFocus={show}
        onClick={show}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <Show when={open()}>
        <ul class="ck-pick__list" id={listId} role="listbox" aria-label={p.label}>
          <For each={options()}>
            {(choice, i) => (
              <li
                id={`${listId}-${i()}`}
                class="ck-pick__option"
                role="option"
                aria-selected={p.value.includes(choice.id)}
                data-active={active() === i() ? '' : undefined}
                style={{ 'padding-left': `${8 + (choice.depth ?? 0) * 16}px` }}
                // Keep focus in the box: a click must not blur it (which closes the list) first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(choice)}
              >
                <Show when={choice.thumb !== undefined}>
                  <Show when={choice.thumb} fallback={<span class="ck-pick__thumb" />}>
                    {(src) => <img class="ck-pick__thumb" src={src()} alt="" loading="lazy" />}
                  </Show>
                </Show>
                <span class="ck-pick__name">{choice.label}</span>
                <Show when={choice.detail}>
                  <span class="ck-pick__detail">{choice.detail}</span>
                </Show>
              </li>
            )}
          </For>
          <Show when={state() !== 'idle' || options().length === 0}>
            <li class="ck-pick__note" role="presentation">
              {state() === 'loading'
                ? text().loading
                : state() === 'failed'
                  ? text().failed
                  : p.noMatch}
            </li>
          </Show>
        </ul>
      </Show>
    </div>
  )
}
