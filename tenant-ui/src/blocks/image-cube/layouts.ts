/**
 * Images per image-cube layout: one row of two, two rows of two, one row of three, or one image
 * with clickable hot zones.
 */
export const CUBE_LAYOUTS = { '1-2': 2, '2-2': 4, '1-3': 3, 'hot-zone': 1 } as const
