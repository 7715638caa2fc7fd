import { useRef } from 'preact/hooks'
import { drafts, editDraft } from '../composer-draft.js'
import { lang } from '../i18n/index.js'
import { addFiles, fileSize, REPLY_FILE_BYTES, REPLY_FILES_MAX } from '../reply-files.js'
import { notice } from '../state.js'
import { listOf, tt } from '../ticket-i18n/index.js'

/**
 * Adds files (chosen, dropped or pasted) to the reply of `key`; those the server would refuse are
 * named at once, with why, and not added.
 */
export function attach(key: string, incoming: readonly File[]): void {
  if (!incoming.length) return
  const { files, refused } = addFiles(drafts.value[key]?.files ?? [], incoming)
  editDraft(key, { files })
  if (refused.length)
    notice.value = {
      kind: 'error',
      text: tt('files.refused', {
        files: listOf(refused.map((r) => tt(`files.${r.why}`, { name: r.name, ...limits() }))),
      }),
      at: 'composer',
    }
}

/** What the server takes, in the agent's words and units. */
const limits = () => ({ n: REPLY_FILES_MAX, size: fileSize(REPLY_FILE_BYTES, lang.value) })

/** The reply's files before it is sent, each to remove, and the button that adds more. */
export function ReplyFiles({ draftKey }: { draftKey: string }) {
  const input = useRef<HTMLInputElement>(null)
  const files = drafts.value[draftKey]?.files ?? []
  const remove = (index: number) => {
    editDraft(draftKey, { files: files.filter((_, i) => i !== index) })
    requestAnimationFrame(() => document.getElementById('composer-attach')?.focus())
  }
  return (
    <div class="reply-files">
      {files.length > 0 && (
        <ul class="attached" aria-label={tt('files.list')}>
          {files.map((file, i) => (
            <li key={`${file.name}:${i}`}>
              <span class="file-name">{file.name}</span>{' '}
              <span class="hint">{fileSize(file.size, lang.value)}</span>{' '}
              <button
                type="button"
                class="ghost small"
                aria-label={tt('files.remove', { name: file.name })}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        id="composer-attach"
        class="ghost small"
        aria-describedby="composer-files-hint"
        onClick={() => input.current?.click()}
      >
        {tt('files.attach')}
      </button>{' '}
      <span id="composer-files-hint" class="hint">
        {tt('files.hint', limits())}
      </span>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        // The same files may be chosen again after one was removed.
        onChange={(e) => {
          const chosen = e.currentTarget as HTMLInputElement
          attach(draftKey, [...(chosen.files ?? [])])
          chosen.value = ''
        }}
      />
    </div>
  )
}
