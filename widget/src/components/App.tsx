import { useWidget } from '../widget-context.js'
import { Dialog } from './Dialog.js'
import { Form } from './Form.js'
import { Launcher } from './Launcher.js'
import { ScreenshotEditor } from './ScreenshotEditor.js'
import { Success } from './Success.js'

/** The launcher and, while open, the dialog with the current view. */
export function App() {
  const { state, options } = useWidget()
  const view = state.view.value
  const shot = state.shot.value
  return (
    <>
      {options.launcher && <Launcher />}
      {view !== 'closed' && (
        <Dialog
          view={view}
          wide={view === 'editor'}
          onClose={view === 'editor' ? state.leaveEditor : state.close}
          labelledBy={`snagbox-title-${view}`}
        >
          {view === 'form' && <Form />}
          {view === 'editor' && shot && (
            <ScreenshotEditor shot={shot} onApply={state.applyEdit} onCancel={state.leaveEditor} />
          )}
          {view === 'done' && <Success />}
        </Dialog>
      )}
    </>
  )
}
