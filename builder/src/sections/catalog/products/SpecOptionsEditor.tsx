import { For, Index, Show } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import IconX from '~icons/lucide/x'
import { locale } from '../../../app/i18n.ts'
import { messageFor } from './product-form.ts'
import { productText } from './product-strings.ts'
import { labelOf, newKey, relabel, type OptionDraft } from './spec-form.ts'

/** The most spec dimensions a product may have (the API's limit). */
const MAX_OPTIONS = 3

/**
 * The spec dimensions (颜色, 尺码) and their values: rename, add and remove; the SKU rows follow
 * (`onChange` gets the new options; the form regenerates the rows keeping what was typed).
 */
export function SpecOptionsEditor(p: {
  options: OptionDraft[]
  onChange: (options: OptionDraft[]) => void
  errors: Record<string, string>
}) {
  const text = productText
  const update = (i: number, option: OptionDraft) =>
    p.onChange(p.options.map((o, j) => (j === i ? option : o)))
  const nameOf = (option: OptionDraft, i: number) => labelOf(option.text) || text().specName(i + 1)

  const addValue = (i: number, input: HTMLInputElement) => {
    const typed = input.value.trim()
    const option = p.options[i]
    if (!typed || !option) return
    input.value = ''
    update(i, {
      ...option,
      values: [...option.values, { key: newKey(), text: { [locale()]: typed } }],
    })
  }

  return (
    <div class="mk-spec">
      <Index each={p.options}>
        {(option, i) => (
          <fieldset class="mk-spec__option">
            <legend class="ck-sr">{nameOf(option(), i)}</legend>
            <div class="mk-spec__head">
              <input
                type="text"
                aria-label={text().specName(i + 1)}
                placeholder={text().newSpec}
                value={labelOf(option().text)}
                aria-invalid={Boolean(messageFor(p.errors, `specOptions.${i}.name`))}
                onChange={(e) =>
                  update(i, {
                    ...option(),
                    text: relabel(option().text, e.currentTarget.value.trim(), locale()),
                  })
                }
              />
              <button
                type="button"
                class="ck-icon-btn"
                aria-label={text().removeSpec(nameOf(option(), i))}
                onClick={() => p.onChange(p.options.filter((_, j) => j !== i))}
              >
                <IconX aria-hidden="true" />
              </button>
            </div>
            <Show when={messageFor(p.errors, `specOptions.${i}.name`)}>
              {(message) => (
                <span class="ck-error" role="alert">
                  {message()}
                </span>
              )}
            </Show>
            <ul class="mk-spec__values">
              <For each={option().values}>
                {(value, j) => (
                  <li class="mk-spec__value">
                    <input
                      type="text"
                      aria-label={text().specValue(nameOf(option(), i), j() + 1)}
                      value={labelOf(value.text)}
                      aria-invalid={Boolean(p.errors[`specOptions.${i}.values.${j()}`])}
                      onChange={(e) =>
                        update(i, {
                          ...option(),
                          values: option().values.map((v, k) =>
                            k === j()
                              ? {
                                  ...v,
                                  text: relabel(v.text, e.currentTarget.value.trim(), locale()),
                                }
                              : v,
                          ),
                        })
                      }
                    />
                    <button
                      type="button"
                      class="ck-icon-btn"
                      aria-label={text().removeValue(labelOf(value.text))}
                      onClick={() =>
                        update(i, {
                          ...option(),
                          values: option().values.filter((_, k) => k !== j()),
                        })
                      }
                    >
                      <IconX aria-hidden="true" />
                    </button>
                  </li>
                )}
              </For>
              <li class="mk-spec__value">
                <input
                  type="text"
                  aria-label={text().newValue(nameOf(option(), i))}
                  placeholder={text().newValue(nameOf(option(), i))}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return
                    e.preventDefault()
                    addValue(i, e.currentTarget)
                  }}
                />
                <button
                  type="button"
                  class="ck-btn"
                  aria-label={text().addValue(nameOf(option(), i))}
                  onClick={(e) =>
                    addValue(i, e.currentTarget.previousElementSibling as HTMLInputElement)
                  }
                >
                  {text().add}
                </button>
              </li>
            </ul>
            <Show when={messageFor(p.errors, `specOptions.${i}.values`)}>
              {(message) => (
                <span class="ck-error" role="alert">
                  {message()}
                </span>
              )}
            </Show>
          </fieldset>
        )}
      </Index>
      <Show when={p.options.length < MAX_OPTIONS}>
        <button
          type="button"
          class="ck-btn mk-cat-iconbtn"
          onClick={() => p.onChange([...p.options, { key: newKey(), text: {}, values: [] }])}
        >
          <IconPlus aria-hidden="true" />
          <span>{text().addSpec}</span>
        </button>
      </Show>
    </div>
  )
}
