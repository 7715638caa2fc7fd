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
