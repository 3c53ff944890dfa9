/** What every block component receives: its parsed props and what its server loader fetched. */
export interface BlockComponentProps<P, D = undefined> {
  props: P
  data: D
}
