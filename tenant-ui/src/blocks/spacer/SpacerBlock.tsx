import type { BlockComponentProps } from '../block-props.ts'
import type { SpacerProps } from './manifest.ts'

/** Empty vertical space. */
export default function SpacerBlock(p: BlockComponentProps<SpacerProps>) {
  return <div aria-hidden="true" style={{ height: `${p.props.height}px` }} />
}
