import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { focusFirst } from '../focus.js'
import { isMeaningful, paint, TOOLS, type Mark, type Tool } from '../screenshot-markup.js'
import type { Shot } from '../shot.js'
import { useWidget } from '../widget-context.js'
import { createEditorStyles } from './editor-styles.js'
import type { Part } from './LazyPart.js'

const TOOL_LABEL = {
  pen: 'toolPen',
  arrow: 'toolArrow',
  box: 'toolBox',
  redact: 'toolRedact',
} as const
const TOOL_ICON: Record<Tool, string> = {
  box: 'M4 6h16v12H4z',
  arrow: 'M5 19L19 5M10 5h9v9',
  pen: 'M4 20c4-1 5-6 8-9s6-4 8-7',
  redact: 'M4 7h16v10H4z',
}

export interface EditorProps {
  shot: Shot
  /** The marks, and the picture with them drawn on (`null` when there are none). */
  onApply: (flattened: Blob | null, marks: Mark[]) => void
  onCancel: () => void
}

/**
 * Marks up the screenshot (frame, arrow, free drawing) and hides parts under black boxes. It draws
 * on the picture without marks and starts from the shot's marks, so they stay editable until Send.
 */
export function ScreenshotEditor({ shot, onApply, onCancel }: EditorProps) {
  const { t } = useWidget()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [image, setImage] = useState<HTMLImageElement | null>(null)
  const [tool, setTool] = useState<Tool>('box')
  const [marks, setMarks] = useState<Mark[]>(shot.marks)
  const drawing = useRef<Mark | null>(null)
  const editor = useRef<HTMLDivElement>(null)
  // Loaded after the dialog moved to this view: the focus moves in once it is here.
  useLayoutEffect(() => void (editor.current && focusFirst(editor.current)), [])

  useEffect(() => {
    const img = new Image()
    img.onload = () => setImage(img)
    img.src = shot.plain.url
  }, [shot.plain.url])

  const redraw = (extra?: Mark) => {
    const c = canvas.current
    const ctx = c?.getContext('2d')
    if (!c || !ctx || !image) return
    paint(ctx, image, extra ? [...marks, extra] : marks, c.width)
  }
  useEffect(redraw, [image, marks])

  const at = (event: PointerEvent): [number, number] => {
    const c = canvas.current!
    const r = c.getBoundingClientRect()
    return [
      ((event.clientX - r.left) * c.width) / r.width,
      ((event.clientY - r.top) * c.height) / r.height,
    ]
  }
  // Mouse, pen and touch alike; a second finger (a pinch) draws nothing.
  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0 || !event.isPrimary) return
    canvas.current!.setPointerCapture(event.pointerId)
    drawing.current = { tool, points: [at(event)] }
  }
  function onPointerMove(event: PointerEvent) {
    const mark = drawing.current
    if (!mark || !event.isPrimary) return
    mark.points = mark.tool === 'pen' ? [...mark.points, at(event)] : [mark.points[0]!, at(event)]
    redraw(mark)
  }
  function onPointerUp(event: PointerEvent) {
    if (!event.isPrimary) return
    const mark = drawing.current
    drawing.current = null
    if (mark && isMeaningful(mark)) setMarks([...marks, mark])
    else redraw()
  }
  const undo = () => setMarks(marks.slice(0, -1))
  function apply() {
    if (marks === shot.marks) return onCancel()
    if (!marks.length) return onApply(null, [])
    canvas.current!.toBlob((blob) => blob && onApply(blob, marks), 'image/png')
  }

  return (
    <div
      ref={editor}
      class="editor"
      onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key === 'z' && (e.preventDefault(), undo())}
    >
      <h2 id="snagbox-title-editor" class="title">
        {t('editorTitle')}
      </h2>
      <p class="hint" id="editor-hint">
        {t('editorHint')}
      </p>
      <div class="editor__tools" role="toolbar" aria-label={t('editorTitle')}>
        {TOOLS.map((name, i) => (
          <button
            type="button"
            key={name}
            class="tool"
            aria-pressed={tool === name}
            onClick={() => setTool(name)}
            data-autofocus={i === 0 ? '' : undefined}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" class={`tool__icon tool__icon--${name}`}>
              <path d={TOOL_ICON[name]} />
            </svg>
            {t(TOOL_LABEL[name])}
          </button>
        ))}
        <button type="button" class="tool" onClick={undo} disabled={!marks.length}>
          {t('undo')}
        </button>
      </div>
      <div class="editor__stage">
        <canvas
          ref={canvas}
          width={image?.naturalWidth ?? 0}
          height={image?.naturalHeight ?? 0}
          class={`editor__canvas editor__canvas--${tool}`}
          role="img"
          aria-label={t('editorCanvas')}
          aria-describedby="editor-hint"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        />
      </div>
      <div class="actions">
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {t('editorCancel')}
        </button>
        <button type="button" class="button button--primary" onClick={apply}>
          {t('editorApply')}
        </button>
      </div>
    </div>
  )
}

/** The editor as a part of its own, loaded when the reporter goes to mark up the picture. */
export const editorPart: Part<EditorProps> = {
  Component: ScreenshotEditor,
  styles: createEditorStyles(),
}
