import { createEffect, createSignal, createUniqueId, on, Show } from 'solid-js'
import { messages } from '../../app/i18n.ts'
import './ChoicePicker.css'

const text = messages({
  en: {
    swatch: (label: string) => `${label}: colour swatch`,
    invalid: 'A hex colour like #e4393c',
  },
  'zh-CN': {
    swatch: (label) => `${label}：取色`,
    invalid: '请输入十六进制颜色，如 #e4393c',
  },
})

const HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/

/** `#abc` as `#aabbcc`: the native colour input takes the six-digit form only. */
export function fullHex(hex: string): string {
  return hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex
}

/**
 * A colour as a native swatch and a hex text box. Only a valid hex colour (`#rgb` or `#rrggbb`)
 * reaches `onChange`; anything else typed stays in the box with the message beside it. Clearing
 * the box sends undefined (the block's default).
 */
export function ColorPicker(p: {
  value: string | undefined
  onChange: (hex: string | undefined) => void
  label: string
  id?: string
}) {
  const id = p.id ?? createUniqueId()
  const [typed, setTyped] = createSignal(p.value ?? '')
  createEffect(
    on(
      () => p.value ?? '',
      // Undo, or the swatch, changed the value: show it unless the box holds the same colour.
      (value) => {
        if (typed().toLowerCase() !== value.toLowerCase()) setTyped(value)
      },
      { defer: true },
    ),
  )
  const invalid = () => typed() !== '' && !HEX.test(typed())
  const onText = (raw: string) => {
    const value = raw.trim()
    setTyped(value)
    if (value === '') p.onChange(undefined)
    else if (HEX.test(value)) p.onChange(value.toLowerCase())
  }
  return (
    <div class="ck-pick">
      <label class="ck-field__label" for={id}>
        {p.label}
      </label>
      <div class="ck-pick__row">
        <input
          type="color"
          class="ck-pick__swatch"
          aria-label={text().swatch(p.label)}
          value={fullHex(p.value && HEX.test(p.value) ? p.value : '#000000')}
          onInput={(e) => onText(e.currentTarget.value)}
        />
        <input
          id={id}
          type="text"
          inputmode="text"
          spellcheck={false}
          maxLength={7}
          placeholder="#e4393c"
          value={typed()}
          aria-invalid={invalid()}
          aria-describedby={`${id}-error`}
          onInput={(e) => onText(e.currentTarget.value)}
        />
      </div>
      <Show when={invalid()}>
        <span class="ck-error" id={`${id}-error`} role="alert">
          {text().invalid}
        </span>
      </Show>
    </div>
  )
}
