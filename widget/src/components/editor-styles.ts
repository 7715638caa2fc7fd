/** The screenshot editor: toolbar, the picture, and its actions. */
export const createEditorStyles = () => `
/* The panel is as tall as it may be; the picture fits what the title, tools and buttons leave. */
.panel--wide { height: min(860px, 100%); }
.editor { flex: 1; display: flex; flex-direction: column; gap: 10px; min-height: 0; padding: 20px 24px; }
.editor__tools { display: flex; flex-wrap: wrap; gap: 6px; }
.tool {
  display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 6px 12px;
  font: 600 13px/1.2 var(--snagbox-font); color: var(--snagbox-fg); cursor: pointer;
  background: var(--snagbox-bg); border: 1px solid var(--snagbox-border); border-radius: 8px;
}
.tool[aria-pressed='true'] { border-color: var(--snagbox-accent); background: color-mix(in srgb, var(--snagbox-accent) 12%, var(--snagbox-bg)); }
.tool:disabled { opacity: 0.5; cursor: default; }
@media (pointer: coarse) { .tool { min-height: 44px; } }
@media (max-width: 480px) { .editor { padding: 16px; } }
.tool__icon { width: 18px; height: 18px; color: #e5195a; }
.tool__icon--redact { fill: currentColor; color: var(--snagbox-fg); }
.editor__stage {
  flex: 1; display: flex; align-items: center; justify-content: center; min-height: 0; overflow: hidden;
  padding: 8px; background: var(--snagbox-surface); border-radius: 8px;
}
.editor__canvas {
  display: block; min-width: 0; min-height: 0; max-width: 100%; max-height: 100%; width: auto; height: auto;
  touch-action: none; cursor: crosshair; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
}
`
