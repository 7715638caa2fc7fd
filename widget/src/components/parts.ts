import { afterLoadWhenIdle } from '../idle.js'
import { lazyPart } from './LazyPart.js'

/** The markup editor, loaded when the reporter goes to mark up the picture. */
export const Editor = lazyPart(() => import('./ScreenshotEditor.js').then((m) => m.editorPart))

/** The body of "What will be sent", loaded when the section opens. */
export const Payload = lazyPart(() => import('./PayloadView.js').then((m) => m.payloadPart))

/**
 * The parts the open form may still need, fetched once the page is idle with it: by then a
 * reporter who goes offline can still mark up the picture and see what will be sent.
 */
export const prefetchParts = () =>
  afterLoadWhenIdle(() => {
    for (const part of [Editor, Payload]) part.prefetch()
  })
