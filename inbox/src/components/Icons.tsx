// Icons as inline SVG: no icon font or emoji that a machine may lack, and they take the text colour.

export function CameraIcon({ label }: { label: string }) {
  return (
    <svg class="icon" role="img" aria-label={label} viewBox="0 0 24 24" width="16" height="16">
      <title>{label}</title>
      <path
        fill="currentColor"
        d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9Zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9Zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z"
      />
    </svg>
  )
}

/** A pencil: change something. Decorative; the button it is on says what in words. */
export function EditIcon() {
  return (
    <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="14" height="14">
      <path
        fill="currentColor"
        d="m14.1 5.6 4.3 4.3L8.3 20H4v-4.3L14.1 5.6Zm1.4-1.4 2-2a1 1 0 0 1 1.4 0l2.9 2.9a1 1 0 0 1 0 1.4l-2 2-4.3-4.3Z"
      />
    </svg>
  )
}

/** Two people: shared with everyone. */
export function SharedIcon({ label }: { label: string }) {
  return (
    <svg class="icon" role="img" aria-label={label} viewBox="0 0 24 24" width="14" height="14">
      <title>{label}</title>
      <path
        fill="currentColor"
        d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm7.5 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 20c0-3.3 3.1-6 7-6s7 2.7 7 6v1H2v-1Zm15.5 1v-1c0-1.9-.8-3.6-2.1-4.8.7-.1 1.4-.2 2.1-.2 2.8 0 4.5 2 4.5 4.5V21h-4.5Z"
      />
    </svg>
  )
}
