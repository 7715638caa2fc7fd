import { useEffect, useMemo, useRef } from 'preact/hooks'
import { createTranslate } from '../i18n/translate.js'
import { useWidget } from '../widget-context.js'
import { RequestsContext } from './context.js'
import { conversationOf } from './conversation.js'
import type { RequestsMessages } from '../i18n/requests-en.js'
import { RequestList } from './RequestList.js'
import { RequestView } from './RequestView.js'
import { createRequestsStyles } from './requests-styles.js'

/**
 * The part: "My requests" or the open request, whichever the dialog's view is, with the texts
 * of one language (the host's `messages` over them). One component for both views, so going
 * back to the list can give the focus to the request the reporter came from.
 */
export function requestsPartOf(texts: RequestsMessages) {
  function RequestsPart() {
    const context = useWidget()
    const rt = useMemo(() => createTranslate(texts, context.options.messages), [])
    const conversation = conversationOf(context)
    const view = context.state.view.value
    const previous = useRef(view)
    const cameBack = previous.current === 'request' && view === 'requests'
    previous.current = view
    // The relative times move on while a view is shown.
    useEffect(() => {
      const timer = setInterval(() => (conversation.now.value = Date.now()), 30_000)
      return () => clearInterval(timer)
    }, [])
    return (
      <RequestsContext.Provider value={{ rt, conversation }}>
        {view === 'request' ? (
          <RequestView />
        ) : (
          <RequestList returnTo={cameBack ? context.state.reference.peek() : null} />
        )}
      </RequestsContext.Provider>
    )
  }
  return { Component: RequestsPart, styles: createRequestsStyles() }
}
