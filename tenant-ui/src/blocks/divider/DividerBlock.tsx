import type { BlockComponentProps } from '../block-props.ts'
import type { DividerProps } from './manifest.ts'

/** A horizontal rule in the chosen style and colour. */
export default function DividerBlock(p: BlockComponentProps<DividerProps>) {
  return (
    <hr
      style={{
        border: '0',
        'border-top': `1px ${p.props.lineStyle} ${p.props.color}`,
        margin: `${p.props.marginY}px ${p.props.marginX}px`,
      }}
    />
  )
}
