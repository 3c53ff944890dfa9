import { createMemo, createSignal, For, Show } from 'solid-js'
import IconPlus from '~icons/lucide/plus'
import IconSearch from '~icons/lucide/search'
import { locale, localized, t } from '../app/i18n.ts'
import { blockIcon } from './block-icons.ts'
import type { CatalogBlock } from './catalog.ts'

const CATEGORIES: Record<string, { 'zh-CN': string; en: string }> = {
  basic: { 'zh-CN': '基础', en: 'Basic' },
  media: { 'zh-CN': '图片与视频', en: 'Media' },
  commerce: { 'zh-CN': '商品', en: 'Commerce' },
  marketing: { 'zh-CN': '营销', en: 'Marketing' },
  layout: { 'zh-CN': '布局', en: 'Layout' },
}

/**
 * The blocks the mall may place, grouped by category and filtered by the search box. Each is
 * dragged onto the canvas, or added after the selection with its button (for the keyboard).
 */
export function Palette(p: {
  catalog: readonly CatalogBlock[]
  onDragStart: (blockType: string) => void
  onDragEnd: () => void
  onAdd: (blockType: string) => void
}) {
  const [query, setQuery] = createSignal('')
  const groups = createMemo(() => {
    const q = query().trim().toLowerCase()
    const byCategory = new Map<string, CatalogBlock[]>()
    for (const block of p.catalog) {
      const text = `${block.label.en} ${block.label['zh-CN']} ${block.type}`.toLowerCase()
      if (q && !text.includes(q)) continue
      byCategory.set(block.category, [...(byCategory.get(block.category) ?? []), block])
    }
    return [...byCategory]
  })
  const categoryLabel = (category: string) =>
    CATEGORIES[category]?.[locale()] ?? category.charAt(0).toUpperCase() + category.slice(1)
  return (
    <aside class="ck-palette" aria-labelledby="palette-title">
      <h2 id="palette-title" class="ck-panel-title">
        {t().blocks}
      </h2>
      <label class="ck-search">
        <IconSearch aria-hidden="true" />
        <input
          type="search"
          placeholder={t().search}
          aria-label={t().search}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <Show when={groups().length > 0} fallback={<p class="ck-muted">{t().noBlocks}</p>}>
        <For each={groups()}>
          {([category, blocks]) => (
            <section class="ck-palette__group" aria-label={categoryLabel(category)}>
              <h3>{categoryLabel(category)}</h3>
              <ul>
                <For each={blocks}>
                  {(block) => {
                    const Icon = blockIcon(block.icon)
                    return (
                      <li
                        class="ck-palette__item"
                        draggable="true"
                        data-block-type={block.type}
                        onDragStart={(e) => {
                          e.dataTransfer?.setData('text/plain', block.type)
                          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy'
                          p.onDragStart(block.type)
                        }}
                        onDragEnd={() => p.onDragEnd()}
                      >
                        <Icon aria-hidden="true" />
                        <span class="ck-palette__label">{localized(block.label)}</span>
                        <button
                          type="button"
                          class="ck-icon-btn"
                          aria-label={t().addBlock(localized(block.label))}
                          title={t().add}
                          onClick={() => p.onAdd(block.type)}
                        >
                          <IconPlus aria-hidden="true" />
                        </button>
                      </li>
                    )
                  }}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </aside>
  )
}
