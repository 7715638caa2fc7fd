/** The page's window, or `undefined` in Node and workers: nothing else touches the global. */
export const pageWindow = (): Window | undefined =>
  typeof window === 'object' ? window : undefined
