import { createSignal, Show } from 'solid-js'
import IconDownload from '~icons/lucide/download'
import IconFileUp from '~icons/lucide/file-up'
import { ApiError, mallApi, type Problem } from '../../../app/api.ts'
import { problemMessages } from '../../../kit/problems.ts'
import { catalogApi } from '../shared/catalog-api.ts'
import { productText } from './product-strings.ts'

/** Export of the catalog as CSV, and import of one (all or nothing; bad cells listed). */
export function CsvActions(p: { slug: string; onImported: () => void }) {
  const text = productText
  const [busy, setBusy] = createSignal(false)
  const [result, setResult] = createSignal<{ ok: boolean; message: string }>()

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setBusy(true)
    setResult(undefined)
    try {
      const response = await fetch(mallApi(p.slug, '/products/import'), {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: await file.text(),
        credentials: 'same-origin',
      })
      const body = (await response.json().catch(() => ({}))) as Partial<Problem> & {
        created?: number
        updated?: number
        unchanged?: number
      }
      if (!response.ok) throw new ApiError({ ...body, status: response.status })
      setResult({
        ok: true,
        message: text().imported(body.created ?? 0, body.updated ?? 0, body.unchanged ?? 0),
      })
      p.onImported()
    } catch (error) {
      const problem = problemMessages(error)
      const cells = Object.entries(problem.fields).slice(0, 8)
      setResult({
        ok: false,
        message: [problem.message, ...cells.map(([field, message]) => `${field}: ${message}`)].join(
          '\n',
        ),
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <a class="ck-btn mk-cat-iconbtn" href={catalogApi.exportUrl(p.slug)} download="">
        <IconDownload aria-hidden="true" />
        <span>{text().exportCsv}</span>
      </a>
      <label class="ck-btn mk-cat-iconbtn" aria-disabled={busy()}>
        <IconFileUp aria-hidden="true" />
        <span>{busy() ? text().importing : text().importCsv}</span>
        <input
          type="file"
          class="ck-sr"
          accept=".csv,text/csv"
          disabled={busy()}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      <Show when={result()}>
        {(shown) => (
          <p class={shown().ok ? 'ck-notice mk-cat-flash' : 'ck-error mk-cat-flash'} role="status">
            {shown().message}
          </p>
        )}
      </Show>
    </>
  )
}
