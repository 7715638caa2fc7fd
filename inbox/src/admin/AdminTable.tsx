import type { ComponentChildren } from 'preact'
import type { ApiProblem } from '../api.js'
import { t } from '../i18n/index.js'
import { at } from './i18n.js'
import type { AdminKey } from './messages-en.js'
import { problemText } from './problems.js'

/**
 * A list of the admin screens: why it could not be loaded, that it is loading, that it is empty, or
 * the table with its header (the columns' labels, then one for the row's actions) and its rows.
 */
export function AdminTable<T>(props: {
  /** `agents`, `projects`, `tokens`: the table's class is `admin-<kind>`. */
  kind: string
  columns: AdminKey[]
  items: T[] | null
  error: ApiProblem | null
  empty: AdminKey
  children: (items: T[]) => ComponentChildren
}) {
  const { kind, columns, items, error } = props
  return (
    <>
      {error && (
        <p class="notice notice-error" role="alert">
          {problemText(error)}
        </p>
      )}
      {items === null && !error && <p class="hint">{t('queue.loading')}</p>}
      {items?.length === 0 && <p class="empty">{at(props.empty)}</p>}
      {!!items?.length && (
        <div class="table-wrap">
          <table class={`queue-table admin-table admin-${kind}`}>
            <thead>
              <tr>
                {columns.map((key) => (
                  <th key={key} scope="col">
                    {at(key)}
                  </th>
                ))}
                <th scope="col">
                  <span class="sr-only">{at('col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>{props.children(items)}</tbody>
          </table>
        </div>
      )}
    </>
  )
}
