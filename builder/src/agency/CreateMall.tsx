import { createResource, createSignal, For, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { Field } from '../kit/Field.tsx'
import { problemMessages } from '../kit/problems.ts'
import { agencyApi, type NewClientMall } from './agency-api.ts'
import { agencyText } from './agency-strings.ts'
import { follow, goAgency, agencyHref } from './nav.ts'
import { announce } from './notice.ts'
import { OwnerFields, type OwnerInput } from './OwnerFields.tsx'
import { TemplatePicker } from './TemplatePicker.tsx'

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** A slug suggested from an ASCII name (`Tea House` → `tea-house`); empty for other scripts. */
const suggestSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)

/** Creates a client mall, optionally from a template, with its owner. */
export function CreateMall(p: { agencyId: string }) {
  const text = agencyText
  const [plans] = createResource(() => agencyApi.plans(p.agencyId))
  const [name, setName] = createSignal('')
  const [slug, setSlug] = createSignal('')
  const [slugTouched, setSlugTouched] = createSignal(false)
  const [templateId, setTemplateId] = createSignal('')
  const [planId, setPlanId] = createSignal('standard')
  const [locale, setLocale] = createSignal<'zh-CN' | 'en'>('zh-CN')
  const [owner, setOwner] = createSignal<OwnerInput>({ email: '', name: '', password: '' })
  // A store, so a field's input is rebuilt only when its own message changes (Field rebuilds its
  // input on every change of its error).
  const [errors, setErrorStore] = createStore<Record<string, string>>({})
  const setErrors = (next: Record<string, string>) => setErrorStore(reconcile(next))
  const [message, setMessage] = createSignal('')
  const [saving, setSaving] = createSignal(false)

  const check = () => {
    const found: Record<string, string> = {}
    if (!name().trim()) found.name = text().required
    if (!SLUG.test(slug())) found.slug = text().slugInvalid
    if (!owner().email.trim()) found['owner.email'] = text().required
    if (!owner().name.trim()) found['owner.name'] = text().required
    return found
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const found = check()
    setErrors(found)
    setMessage('')
    if (Object.keys(found).length) return
    const body: NewClientMall = {
      name: name().trim(),
      slug: slug(),
      planId: planId(),
      defaultLocale: locale(),
      owner: {
        email: owner().email.trim(),
        name: owner().name.trim(),
        ...(owner().password ? { password: owner().password } : {}),
      },
      ...(templateId() ? { templateId: templateId() } : {}),
    }
    setSaving(true)
    try {
      const mall = await agencyApi.create(p.agencyId, body)
      announce(text().created_(mall.name))
      goAgency([p.agencyId, 'malls', mall.id])
    } catch (error) {
      const problem = problemMessages(error)
      setErrors(problem.fields)
      setMessage(problem.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="ck-card ak-form" onSubmit={submit} noValidate>
      <h1>{text().newMall}</h1>
      <Field label={text().name} id="ak-name" error={errors.name}>
        {(aria) => (
          <input
            {...aria}
            value={name()}
            maxLength={100}
            onInput={(e) => {
              setName(e.currentTarget.value)
              if (!slugTouched()) setSlug(suggestSlug(e.currentTarget.value))
            }}
          />
        )}
      </Field>
      <Field
        label={text().slug}
        id="ak-slug"
        help={text().slugHelp(`${slug() || '…'}.${location.host}`)}
        error={errors.slug}
      >
        {(aria) => (
          <input
            {...aria}
            value={slug()}
            maxLength={63}
            autocapitalize="off"
            spellcheck={false}
            onInput={(e) => {
              setSlugTouched(true)
              setSlug(e.currentTarget.value.trim())
            }}
          />
        )}
      </Field>
      <TemplatePicker
        agencyId={p.agencyId}
        value={templateId()}
        onChange={setTemplateId}
        error={errors.templateId}
      />
      <Field label={text().plan} id="ak-plan" error={errors.planId}>
        {(aria) => (
          <select {...aria} value={planId()} onChange={(e) => setPlanId(e.currentTarget.value)}>
            <For
              each={plans()?.items ?? [{ id: 'standard', name: 'Standard', allowedPlugins: [] }]}
            >
              {(plan) => (
                <option value={plan.id} selected={plan.id === planId()}>
                  {plan.name}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Field label={text().language} id="ak-locale" error={errors.defaultLocale}>
        {(aria) => (
          <select
            {...aria}
            value={locale()}
            onChange={(e) => setLocale(e.currentTarget.value as 'zh-CN' | 'en')}
          >
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        )}
      </Field>
      <OwnerFields value={owner()} onChange={setOwner} errors={errors} prefix="owner." />
      <Show when={message()}>
        <p class="ck-error" role="alert">
          {message()}
        </p>
      </Show>
      <div class="ck-form-actions">
        <button type="submit" class="ck-btn ck-btn--primary" disabled={saving()}>
          {saving() ? text().creating : text().create}
        </button>
        <a class="ck-btn" href={agencyHref([p.agencyId])} onClick={follow([p.agencyId])}>
          {text().cancel}
        </a>
      </div>
    </form>
  )
}
