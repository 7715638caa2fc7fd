/** The body of "What will be sent": the facts, the host's data, the console lines, the raw JSON. */
export const createPayloadStyles = () => `
.details__list { display: grid; gap: 4px; margin: 8px 0; font-size: 13px; }
.details__list div { display: grid; grid-template-columns: 150px 1fr; gap: 8px; }
.details__list dt { color: var(--snagbox-muted); }
.details__list dd { margin: 0; overflow-wrap: anywhere; }
.details__part { display: flex; flex-direction: column; gap: 4px; margin: 0 0 10px; }
.details__head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.details__logs { display: flex; flex-direction: column; gap: 4px; margin: 0; padding: 0; list-style: none; }
.details__logs li { display: flex; align-items: flex-start; gap: 6px; }
.details__code {
  flex: 1; min-width: 0; max-height: 96px; overflow: auto; margin: 0; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 11.5px/1.4 ui-monospace, Menlo, Consolas, monospace; background: var(--snagbox-bg); border: 1px solid var(--snagbox-border); border-radius: 6px;
}
.details__raw summary { font-weight: 500; font-size: 13px; }
.details__raw pre {
  max-height: 220px; overflow: auto; margin: 6px 0 0; padding: 8px; font: 11.5px/1.4 ui-monospace, Menlo, Consolas, monospace;
  background: var(--snagbox-bg); border: 1px solid var(--snagbox-border); border-radius: 6px;
}
@media (max-width: 520px) { .details__list div { grid-template-columns: 1fr; gap: 0; } }
`
