import { PreviewLink } from './PreviewLink.tsx'
import { SaveTemplate } from './SaveTemplate.tsx'
import { SchedulePublish } from './SchedulePublish.tsx'

/** The editor toolbar's page tools: preview link, scheduled publish, save as template. */
export function PageActions(p: {
  slug: string
  pageId: string
  path: string
  publishAt: string | null
  /** Saves the draft, so each tool works on what the merchant sees. */
  beforeUse: () => Promise<void>
}) {
  return (
    <div class="pe-actions">
      <PreviewLink slug={p.slug} pageId={p.pageId} path={p.path} beforeUse={p.beforeUse} />
      <SchedulePublish
        slug={p.slug}
        pageId={p.pageId}
        publishAt={p.publishAt}
        beforeUse={p.beforeUse}
      />
      <SaveTemplate slug={p.slug} pageId={p.pageId} beforeUse={p.beforeUse} />
    </div>
  )
}
