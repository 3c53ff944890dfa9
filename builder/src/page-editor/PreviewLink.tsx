import { createSignal, Show } from 'solid-js'
import IconEye from '~icons/lucide/eye'
import { api, mallApi } from '../app/api.ts'
import { editorText } from './editor-strings.ts'
import { Popover } from './Popover.tsx'

/** The storefront URL that shows the page's draft to whoever holds `token` (until it expires). */
export function previewUrl(slug: string, path: string, token: string): string {
  const inMall = path === '/' ? '/' : path
  return `/s/${encodeURIComponent(slug)}${inMall}?mk_preview=${encodeURIComponent(token)}`
}

/**
 * Makes a preview link of the draft (saved first): a short-lived token the server stores only as
 * a hash, so the link can be shared with a colleague and stops working within the hour.
 */
export function PreviewLink(p: {
  slug: string
  pageId: string
  path: string
  beforeUse: () => Promise<void>
}) {
  const [link, setLink] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const make = async () => {
    setLink(null)
    setError(null)
    try {
      await p.beforeUse()
      const made = await api<{ token: string; path: string }>(
        mallApi(p.slug, `/pages/${encodeURIComponent(p.pageId)}/preview`),
        { method: 'POST', body: {} },
      )
      setLink(`${location.origin}${previewUrl(p.slug, made.path, made.token)}`)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <Popover
      label={editorText().previewLink}
      title={editorText().previewLink}
      icon={<IconEye aria-hidden="true" />}
      onOpen={() => void make()}
    >
      {() => (
        <>
          <Show when={error()}>
            <p class="ck-error">{error()}</p>
          </Show>
          <Show
            when={link()}
            fallback={
              <Show when={!error()}>
                <p class="ck-muted">{editorText().previewMaking}</p>
              </Show>
            }
          >
            {(url) => (
              <>
                <p>{editorText().previewReady}</p>
                <input type="text" readonly value={url()} aria-label={editorText().previewLink} />
                <p>
                  <a href={url()} target="_blank" rel="noopener">
                    {editorText().previewOpen}
                  </a>
                </p>
              </>
            )}
          </Show>
        </>
      )}
    </Popover>
  )
}
