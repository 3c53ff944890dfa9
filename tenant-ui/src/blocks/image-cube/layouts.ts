/** Cells per image-cube layout (rows × columns): one row of two, two rows of two, one row of three. */
export const CUBE_LAYOUTS = { '1-2': 2, '2-2': 4, '1-3': 3 } as const
