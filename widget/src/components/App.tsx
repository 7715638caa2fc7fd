import type { ComponentChildren } from 'preact'
import type { View, WidgetState } from '../state.js'
import { useWidget } from '../widget-context.js'
import { Dialog } from './Dialog.js'
import { Form } from './Form.js'
import { Editor, Requests } from './parts.js'
import { Success } from './Success.js'

/** A view of the dialog: what it shows, whether it needs the wide panel, and where "close" leads. */
interface ViewSpec {
  body(state: WidgetState): ComponentChildren
  /** Escape, the close button and a click beside the panel: leave the dialog, or go back. */
  leave(state: WidgetState): () => void
  wide?: boolean
}

/**
 * Every view but `closed`: a new one is one more entry here (the type asks for it); a large one
 * is a `lazyPart`, as the editor is.
 */
const VIEWS: Record<Exclude<View, 'closed'>, ViewSpec> = {
  form: { body: () => <Form />, leave: (state) => state.close },
  editor: {
    body: (state) =>
      state.shot.value && (
        <Editor shot={state.shot.value} onApply={state.applyEdit} onCancel={state.leaveEditor} />
      ),
    leave: (state) => state.leaveEditor,
    wide: true,
  },
  done: { body: () => <Success />, leave: (state) => state.close },
  requests: { body: () => <Requests />, leave: (state) => state.close },
  request: { body: () => <Requests />, leave: (state) => state.leaveRequest },
}

/** While open, the dialog with the current view (the launcher is the first stage's). */
export function App() {
  const { state } = useWidget()
  const view = state.view.value
  if (view === 'closed') return null
  const spec = VIEWS[view]
  return (
    <Dialog
      view={view}
      wide={!!spec.wide}
      onClose={spec.leave(state)}
      onClosed={state.restoreFocus}
      onDismissed={state.close}
      labelledBy={`snagbox-title-${view}`}
    >
      {spec.body(state)}
    </Dialog>
  )
}
