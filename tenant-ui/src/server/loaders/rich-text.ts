import { sanitizeDescription } from '../../../../core/src/commerce/catalog/sanitize-description.ts'
import type { MallContext } from '../../../../core/src/context.ts'
import type { RichTextData } from '../../blocks/rich-text/RichTextBlock.tsx'
import type { RichTextProps } from '../../blocks/rich-text/manifest.ts'
import { pick } from '../../shared/localized.ts'
import type { LoaderEnv } from './loader.ts'

/** The text in the page's locale, reduced to the same allowlist as product descriptions. */
export async function loadRichText(
  _ctx: MallContext,
  props: RichTextProps,
  env: LoaderEnv,
): Promise<RichTextData> {
  return { html: sanitizeDescription(pick(props.html, env.locale)) }
}
