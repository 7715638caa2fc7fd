/** The editor's tools: free drawing, an arrow, a highlight frame, and a black box that hides. */
export type Tool = 'pen' | 'arrow' | 'box' | 'redact'
export const TOOLS: readonly Tool[] = ['box', 'arrow', 'pen', 'redact']

/** One mark, in the picture's own pixels. */
export interface Mark {
  tool: Tool
  points: [number, number][]
}

const INK = '#e5195a'

/** Line width in picture pixels: readable whether the picture is 800 or 3840 px wide. */
export const lineWidthFor = (width: number) => Math.max(3, Math.round(width / 320))

/** Draws the picture and every mark over it, in order (a later black box hides an earlier mark). */
export function paint(
  ctx: CanvasRenderingContext2D,
  image: CanvasImageSource,
  marks: readonly Mark[],
  width: number,
) {
  ctx.drawImage(image, 0, 0)
  const line = lineWidthFor(width)
  for (const mark of marks) drawMark(ctx, mark, line)
}

function drawMark(ctx: CanvasRenderingContext2D, { tool, points }: Mark, line: number) {
  const [start, end = start] = [points[0]!, points[points.length - 1]]
  ctx.save()
  ctx.lineWidth = line
  ctx.lineCap = ctx.lineJoin = 'round'
  ctx.strokeStyle = ctx.fillStyle = INK
  const x = Math.min(start[0], end![0])
  const y = Math.min(start[1], end![1])
  const w = Math.abs(end![0] - start[0])
  const h = Math.abs(end![1] - start[1])
  if (tool === 'redact') {
    ctx.fillStyle = '#000'
    ctx.fillRect(x, y, w, h)
  } else if (tool === 'box') {
    ctx.strokeRect(x, y, w, h)
  } else {
    ctx.beginPath()
    ctx.moveTo(...start)
    for (const point of tool === 'pen' ? points : [end!]) ctx.lineTo(...point)
    ctx.stroke()
    if (tool === 'arrow') arrowHead(ctx, start, end!, line)
  }
  ctx.restore()
}

function arrowHead(
  ctx: CanvasRenderingContext2D,
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
  line: number,
) {
  const angle = Math.atan2(y1 - y0, x1 - x0)
  const size = line * 4
  ctx.beginPath()
  ctx.moveTo(x1, y1)
  ctx.lineTo(x1 - size * Math.cos(angle - Math.PI / 6), y1 - size * Math.sin(angle - Math.PI / 6))
  ctx.lineTo(x1 - size * Math.cos(angle + Math.PI / 6), y1 - size * Math.sin(angle + Math.PI / 6))
  ctx.closePath()
  ctx.fill()
}

/** A mark too small to mean anything (a click without a drag) is dropped. */
export const isMeaningful = ({ tool, points }: Mark) => {
  const [a, b] = [points[0]!, points[points.length - 1]!]
  return tool === 'pen' ? points.length > 1 : Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) > 4
}
