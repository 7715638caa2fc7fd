/** The screenshot editor: toolbar, the picture, and its actions. */
export const createEditorStyles = () => `
.editor { display: flex; flex-direction: column; gap: 10px; min-height: 0; padding: 20px 24px; }
.editor__tools { display: flex; flex-wrap: wrap; gap: 6px; }
.tool {
  display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 6px 12px;
  font: 600 13px/1.2 var(--snagbox-font); color: var(--snagbox-fg); cursor: pointer;
  background: var(--snagbox-bg); border: 1px solid var(--snagbox-border); border-radius: 8px;
}
.tool[aria-pressed='true'] { border-color: var(--snagbox-accent); background: color-mix(in srgb, var(--snagbox-accent) 12%, var(--snagbox-bg)); }
.tool:disabled { opacity: 0.5; cursor: default; }
.tool__icon { width: 18px; height: 18px; color: #e5195a; }
.tool__icon--redact { fill: currentColor; color: var(--snagbox-fg); }
.editor__stage {
  display: grid; place-items: center; min-height: 0; overflow: auto; padding: 8px;
  background: var(--snagbox-surface); border-radius: 8px;
}
.editor__canvas { display: block; max-width: 100%; max-height: calc(100vh - 260px); height: auto; touch-action: none; cursor: crosshair; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
`
