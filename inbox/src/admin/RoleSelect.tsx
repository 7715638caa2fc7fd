import type { AdminAgent } from '@snagbox/sdk/contract'
import type { JSX } from 'preact'
import { alabel } from './i18n.js'

type Role = AdminAgent['role']

/**
 * The choice of an agent's role, in the forms that add and change agents. What `Field` adds (the
 * id its label names, the description, the error state) goes on to the select.
 */
export function RoleSelect({
  value,
  onChange,
  ...field
}: { value: Role; onChange: (role: Role) => void } & Omit<
  JSX.HTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
>) {
  return (
    <select {...field} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)}>
      {(['agent', 'admin'] as const).map((role) => (
        <option key={role} value={role}>
          {alabel('role', role)}
        </option>
      ))}
    </select>
  )
}
