/** The canvas operations the pipeline needs; a real `<canvas>` in a page, a fake in unit tests. */
export interface Surface {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
  toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void
}

export type CreateSurface = (width: number, height: number) => Surface

export const createSurface: CreateSurface = (width, height) =>
  Object.assign(document.createElement('canvas'), { width, height })

export function context2d(surface: Surface): CanvasRenderingContext2D {
  const ctx = surface.getContext('2d')
  if (!ctx) throw new Error('No 2D canvas context')
  return ctx
}

export function toBlob(surface: Surface, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => surface.toBlob(resolve, type, quality))
}
