import { createResource, For, Show } from 'solid-js'
import { api, mallApi } from '../../../../../builder/src/app/api.ts'
import { localized } from '../../../../../builder/src/app/i18n.ts'
import { Field } from '../../../../../builder/src/kit/Field.tsx'
import { text } from '../strings.ts'
import type { PartProps } from './fields.tsx'
import { errorOf } from './form-state.ts'

interface Segment {
  id: string
  label: { en: string; 'zh-CN': string }
  pluginId: string
}

/**
 * The segment a coupon is for, chosen from those the mall's enabled plugins define
 * (`GET /api/admin/segments`: membership tiers…). A saved segment no plugin defines any more stays
 * listed by its id, so editing the coupon does not silently change its audience.
 */
export function SegmentField(p: PartProps & { slug: string }) {
  const t = () => text()
  const [segments] = createResource(
    () => p.slug,
    (slug) => api<{ items: Segment[] }>(mallApi(slug, '/segments')).then((r) => r.items),
  )
  const unknown = () =>
    p.form.segment && !segments()?.some((s) => s.id === p.form.segment) ? p.form.segment : null
  return (
    <Field
      label={t().segmentName}
      id="coupon-segment"
      help={segments()?.length === 0 ? t().noSegments : t().segmentHelp}
      error={errorOf(p.errors, 'audience.segment')}
    >
      {(aria) => (
        <select
          {...aria}
          value={p.form.segment}
          onChange={(e) => p.set('segment', e.currentTarget.value)}
        >
          <option value="">—</option>
          <Show when={unknown()}>{(id) => <option value={id()}>{id()}</option>}</Show>
          <For each={segments() ?? []}>
            {(segment) => <option value={segment.id}>{localized(segment.label)}</option>}
          </For>
        </select>
      )}
    </Field>
  )
}
