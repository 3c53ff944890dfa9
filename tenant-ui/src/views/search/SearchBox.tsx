import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js'
import IconSearch from '~icons/lucide/search'
import IconX from '~icons/lucide/x'
import { useStorefront } from '../../app/storefront-context.ts'
import { storeApi } from '../../shared/api.ts'
import { mallHref } from '../../shared/format.ts'
import { inLocale } from '../../shared/i18n.ts'
import { text } from './messages.ts'
import { MAX_QUERY_LENGTH, searchPath } from './search-query.ts'

/** How long typing must pause before suggestions are fetched. */
const SUGGEST_DELAY_MS = 200

interface Suggestion {
  productId: string
  text: string
}

/**
 * The search box: a plain GET form (it works before hydration), and once hydrated a combobox
 * that suggests product titles as the shopper types (ARIA combobox with a listbox popup; arrows
 * move, Enter picks, Escape closes). Picking a suggestion searches for it.
 */
export function SearchBox(p: { q: string }) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const id = `mk-search-${createUniqueId()}`
  const [value, setValue] = createSignal(p.q)
  const [suggestions, setSuggestions] = createSignal<Suggestion[]>([])
  const [active, setActive] = createSignal(-1)
  const [open, setOpen] = createSignal(false)
  let input: HTMLInputElement | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  onCleanup(() => clearTimeout(timer))

  const close = () => {
    setOpen(false)
    setActive(-1)
  }
  const suggest = (term: string) => {
    clearTimeout(timer)
    const ticket = ++asked
    if (!term.trim()) {
      setSuggestions([])
      close()
      return
    }
    timer = setTimeout(() => {
      const query = new URLSearchParams({ q: term.trim(), locale: store.locale })
      storeApi<{ suggestions: Suggestion[] }>(store.base, `/search/suggest?${query}`)
        .then((answer) => {
          // Only the answer to the latest keystroke may show: earlier ones can arrive late.
          if (ticket !== asked) return
          setSuggestions(answer.suggestions)
          setActive(-1)
          setOpen(answer.suggestions.length > 0)
        })
        .catch(() => {
          // Suggestions are a convenience: the form still searches without them.
          if (ticket === asked) close()
        })
    }, SUGGEST_DELAY_MS)
  }
  const go = (term: string) => {
    close()
    window.location.assign(mallHref(store.base, searchPath(term.trim())))
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const count = suggestions().length
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((active() + 1) % count)
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault()
      setOpen(true)
      setActive((active() - 1 + count) % count)
    } else if (event.key === 'Enter' && open() && active() >= 0) {
      event.preventDefault()
      const chosen = suggestions()[active()]
      if (chosen) go(chosen.text)
    } else if (event.key === 'Escape' && open()) {
      event.preventDefault()
      close()
    }
  }
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault()
    if (value().trim()) go(value())
    else input?.focus()
  }

  return (
    <form
      class="mk-searchbox"
      role="search"
      action={mallHref(store.base, '/search')}
      onSubmit={onSubmit}
    >
      <div class="mk-searchbox__field">
        <IconSearch class="mk-searchbox__icon" aria-hidden="true" />
        <input
          ref={(el) => (input = el)}
          type="search"
          name="q"
          value={value()}
          maxLength={MAX_QUERY_LENGTH}
          enterkeyhint="search"
          autocomplete="off"
          placeholder={t.placeholder}
          aria-label={t.placeholder}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open()}
          aria-controls={`${id}-list`}
          aria-activedescendant={active() >= 0 ? `${id}-option-${active()}` : undefined}
          onInput={(event) => {
            setValue(event.currentTarget.value)
            suggest(event.currentTarget.value)
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(suggestions().length > 0)}
          // Late enough for a tap on a suggestion to land first.
          onBlur={() => setTimeout(close, 150)}
        />
        <Show when={value()}>
          <button
            type="button"
            class="mk-searchbox__clear"
            aria-label={t.clear}
            onClick={() => {
              setValue('')
              suggest('')
              input?.focus()
            }}
          >
            <IconX aria-hidden="true" />
          </button>
        </Show>
        <ul
          class="mk-searchbox__list"
          id={`${id}-list`}
          role="listbox"
          aria-label={t.suggestions}
          hidden={!open()}
        >
          <For each={suggestions()}>
            {(suggestion, i) => (
              <li
                id={`${id}-option-${i()}`}
                role="option"
                class="mk-searchbox__option"
                aria-selected={active() === i()}
                onPointerDown={(event) => event.preventDefault()}
                onClick={() => go(suggestion.text)}
              >
                <IconSearch class="mk-searchbox__option-icon" aria-hidden="true" />
                <span>{suggestion.text}</span>
              </li>
            )}
          </For>
        </ul>
      </div>
      <button type="submit" class="mk-button mk-searchbox__submit">
        {t.submit}
      </button>
    </form>
  )
}
