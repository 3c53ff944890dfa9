import { createSignal, For, Show } from 'solid-js'
import { ApiError, storeApi } from '../../shared/api.ts'
import { inLocale, messages } from '../../shared/i18n.ts'
import { useStorefront } from '../storefront-context.ts'
import { useCommon } from './ui.tsx'
import { FormMessage, TextField, useAccountText } from './account-kit.tsx'
import type { Address, AddressInput } from './account-types.ts'

const text = messages({
  'zh-CN': {
    recipient: '收货人',
    phone: '手机号码',
    country: '国家或地区',
    province: '省份',
    city: '城市',
    district: '区县',
    line1: '详细地址',
    line2: '地址补充',
    postalCode: '邮政编码',
    makeDefault: '设为默认地址',
    countries: { CN: '中国大陆', HK: '中国香港', MO: '中国澳门', TW: '中国台湾', OTHER: '其他' },
    otherCountry: '国家代码（如 US、JP）',
    required: '请填写此项',
  },
  en: {
    recipient: 'Recipient',
    phone: 'Phone number',
    country: 'Country or region',
    province: 'Province',
    city: 'City',
    district: 'District',
    line1: 'Street address',
    line2: 'Apartment, suite, etc.',
    postalCode: 'Postal code',
    makeDefault: 'Use as my default address',
    countries: {
      CN: 'Mainland China',
      HK: 'Hong Kong SAR',
      MO: 'Macao SAR',
      TW: 'Taiwan',
      OTHER: 'Other',
    },
    otherCountry: 'Country code (e.g. US, JP)',
    required: 'Please fill this in',
  },
})

const COUNTRIES = ['CN', 'HK', 'MO', 'TW'] as const

/** An address on one line: `张三 138… · 浙江省杭州市西湖区文三路 1 号`. */
export function addressLine(a: Omit<Address, 'id' | 'isDefault'>): string {
  const place =
    a.country === 'CN'
      ? `${a.province}${a.city}${a.district}${a.line1}${a.line2 ? ` ${a.line2}` : ''}`
      : [a.line1, a.line2, a.city, a.province, a.postalCode, a.country].filter(Boolean).join(', ')
  return place
}

const empty: AddressInput = {
  recipient: '',
  phone: '',
  country: 'CN',
  province: '',
  city: '',
  district: '',
  line1: '',
  line2: '',
  postalCode: '',
  isDefault: false,
}

/** The address fields a form keeps, from an existing address or empty. */
export function addressDraft(from?: Partial<AddressInput>): AddressInput {
  return { ...empty, ...from }
}

/**
 * Adds (`address` absent) or edits an address of the customer's book. The API's complaints show
 * next to their fields; `onSaved` receives the stored address. `draft`/`onDraft` let a page keep
 * what was typed (the checkout keeps it across a refresh).
 */
export function AddressForm(p: {
  idPrefix: string
  address?: Address | undefined
  draft?: AddressInput | undefined
  onDraft?: (draft: AddressInput) => void
  onSaved: (address: Address) => void
  onCancel?: () => void
}) {
  const store = useStorefront()
  const t = inLocale(text, store.locale)
  const common = useAccountText()
  const shared = useCommon()
  const [form, setForm] = createSignal<AddressInput>(p.draft ?? addressDraft(p.address))
  const [errors, setErrors] = createSignal<ApiError>()
  const [busy, setBusy] = createSignal(false)
  const [other, setOther] = createSignal(
    !COUNTRIES.includes(form().country as (typeof COUNTRIES)[number]),
  )
  const set = <K extends keyof AddressInput>(key: K, value: AddressInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    p.onDraft?.(form())
  }
  const err = (field: keyof AddressInput) => errors()?.fieldMessage(`body.${field}`)
  const id = (field: string) => `${p.idPrefix}-${field}`

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (busy()) return
    setBusy(true)
    setErrors(undefined)
    try {
      const saved = await storeApi<Address>(
        store.base,
        p.address ? `/addresses/${p.address.id}` : '/addresses',
        { method: p.address ? 'PUT' : 'POST', body: form() },
      )
      p.onSaved(saved)
    } catch (error) {
      setErrors(error instanceof ApiError ? error : new ApiError(0, 'network', String(error)))
    } finally {
      setBusy(false)
    }
  }
  const formMessage = () => {
    const e = errors()
    if (!e) return undefined
    return e.errors.length > 0 ? common.fixFields : e.status === 0 ? shared.networkError : e.message
  }

  return (
    <form class="mk-form" onSubmit={submit} novalidate>
      <TextField
        id={id('recipient')}
        label={t.recipient}
        value={form().recipient}
        onInput={(v) => set('recipient', v)}
        error={err('recipient')}
        autocomplete="name"
        maxLength={50}
        required
      />
      <TextField
        id={id('phone')}
        label={t.phone}
        type="tel"
        value={form().phone}
        onInput={(v) => set('phone', v)}
        error={err('phone')}
        autocomplete="tel"
        inputmode="tel"
        maxLength={20}
        required
      />
      <div class="mk-field">
        <label class="mk-field__label" for={id('country')}>
          {t.country}
        </label>
        <select
          id={id('country')}
          class="mk-field__input"
          value={other() ? 'OTHER' : form().country}
          onChange={(e) => {
            const value = e.currentTarget.value
            setOther(value === 'OTHER')
            set('country', value === 'OTHER' ? '' : value)
          }}
        >
          <For each={[...COUNTRIES, 'OTHER' as const]}>
            {(code) => <option value={code}>{t.countries[code]}</option>}
          </For>
        </select>
      </div>
      <Show when={other()}>
        <TextField
          id={id('country-code')}
          label={t.otherCountry}
          value={form().country}
          onInput={(v) => set('country', v.trim().toUpperCase())}
          error={err('country')}
          autocomplete="country"
          maxLength={2}
          required
        />
      </Show>
      <div class="mk-form__row">
        <TextField
          id={id('province')}
          label={t.province}
          value={form().province}
          onInput={(v) => set('province', v)}
          error={err('province')}
          autocomplete="address-level1"
          maxLength={50}
          required={form().country === 'CN'}
        />
        <TextField
          id={id('city')}
          label={t.city}
          value={form().city}
          onInput={(v) => set('city', v)}
          error={err('city')}
          autocomplete="address-level2"
          maxLength={50}
          required={form().country === 'CN'}
        />
        <TextField
          id={id('district')}
          label={t.district}
          value={form().district}
          onInput={(v) => set('district', v)}
          error={err('district')}
          autocomplete="address-level3"
          maxLength={50}
          required={form().country === 'CN'}
        />
      </div>
      <TextField
        id={id('line1')}
        label={t.line1}
        value={form().line1}
        onInput={(v) => set('line1', v)}
        error={err('line1')}
        autocomplete="address-line1"
        maxLength={200}
        required
      />
      <TextField
        id={id('line2')}
        label={common.optional(t.line2)}
        value={form().line2}
        onInput={(v) => set('line2', v)}
        error={err('line2')}
        autocomplete="address-line2"
        maxLength={200}
      />
      <TextField
        id={id('postal')}
        label={common.optional(t.postalCode)}
        value={form().postalCode}
        onInput={(v) => set('postalCode', v)}
        error={err('postalCode')}
        autocomplete="postal-code"
        maxLength={20}
      />
      <label class="mk-check">
        <input
          type="checkbox"
          checked={form().isDefault}
          onChange={(e) => set('isDefault', e.currentTarget.checked)}
        />
        <span>{t.makeDefault}</span>
      </label>
      <FormMessage text={formMessage()} />
      <div class="mk-form__actions">
        <Show when={p.onCancel}>
          {(cancel) => (
            <button type="button" class="mk-button mk-button--ghost" onClick={() => cancel()()}>
              {common.cancel}
            </button>
          )}
        </Show>
        <button type="submit" class="mk-button" disabled={busy()}>
          {busy() ? common.saving : common.save}
        </button>
      </div>
    </form>
  )
}
