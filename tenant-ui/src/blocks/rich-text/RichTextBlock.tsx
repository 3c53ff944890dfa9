import type { BlockComponentProps } from '../block-props.ts'
import type { RichTextProps } from './manifest.ts'
import './rich-text.css'

/** What the rich text's server loader hands the component: HTML already sanitized. */
export interface RichTextData {
  html: string
}

/** Sanitized HTML (the server loader reduced it to an allowlist; the props' HTML is never used). */
export default function RichTextBlock(
  p: BlockComponentProps<RichTextProps, RichTextData | undefined>,
) {
  return (
    <div
      class="mk-rich-text"
      style={{ 'text-align': p.props.align }}
      innerHTML={p.data?.html ?? ''}
    />
  )
}
