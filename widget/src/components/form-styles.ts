/** The form, its fields, "what will be sent" and the success view. */
export const createFormStyles = () => `
.form { display: flex; flex-direction: column; min-height: 0; margin: 0; }
.form__header { padding: 20px 24px 4px; }
.intro { margin: 4px 0 0; color: var(--snagbox-muted); }
.form__body { display: flex; flex-direction: column; gap: 16px; padding: 14px 24px 18px; overflow-y: auto; }
.form__footer { display: flex; flex-direction: column; gap: 8px; padding: 14px 24px 18px; border-top: 1px solid var(--snagbox-border); }
.form__error { margin: 0; color: var(--snagbox-danger); font-weight: 600; }
.form__error:empty { display: none; }
.field { display: flex; flex-direction: column; gap: 6px; min-width: 0; margin: 0; padding: 0; border: 0; }
.label { margin: 0; padding: 0; font-size: 13px; font-weight: 650; color: var(--snagbox-fg); }
.hint { margin: 0; font-size: 12.5px; color: var(--snagbox-muted); }
.hint--indented { padding-left: 28px; }
.error { margin: 0; font-size: 12.5px; font-weight: 600; color: var(--snagbox-danger); }
.input {
  width: 100%; padding: 9px 11px; font: 14px/1.4 var(--snagbox-font); color: var(--snagbox-fg);
  background: var(--snagbox-bg); border: 1px solid var(--snagbox-border); border-radius: 8px;
}
textarea.input { resize: vertical; min-height: 104px; }
.input:focus-visible { outline: 2px solid var(--snagbox-accent); outline-offset: 0; border-color: var(--snagbox-accent); }
.input[aria-invalid='true'], .input[aria-invalid='true']:focus-visible { border-color: var(--snagbox-danger); outline-color: var(--snagbox-danger); }
.categories legend { margin-bottom: 6px; }
.categories__grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.category {
  display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; cursor: pointer;
  border: 1px solid var(--snagbox-border); border-radius: 8px;
}
.category:has(input:checked) { border-color: var(--snagbox-accent); background: color-mix(in srgb, var(--snagbox-accent) 9%, var(--snagbox-bg)); }
.category:has(input:focus-visible) { outline: 3px solid var(--snagbox-accent); outline-offset: 2px; }
.category input { margin: 2px 0 0; accent-color: var(--snagbox-accent); }
.category input:focus-visible { outline: none; }
.category__text { display: flex; flex-direction: column; gap: 2px; }
.category__name { font-weight: 600; }
.category__hint { font-size: 12px; color: var(--snagbox-muted); }
.check { display: flex; gap: 10px; align-items: center; font-weight: 600; cursor: pointer; }
.check input { width: 18px; height: 18px; margin: 0; accent-color: var(--snagbox-accent); }
.shot__row { display: flex; gap: 14px; align-items: flex-start; }
.shot__preview {
  flex: none; width: 168px; padding: 0; border: 1px solid var(--snagbox-border); border-radius: 8px;
  overflow: hidden; background: var(--snagbox-surface); cursor: zoom-in;
}
.shot__preview img { display: block; width: 100%; height: auto; }
.shot__side { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.shot__buttons { display: flex; flex-wrap: wrap; gap: 4px 6px; }
.shot__buttons .button--quiet, .shot__buttons .button { padding-left: 8px; padding-right: 8px; }
.contact__grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
.details { border: 1px solid var(--snagbox-border); border-radius: 8px; padding: 10px 12px; background: var(--snagbox-surface); }
.details summary { cursor: pointer; font-weight: 600; }
.details[open] > summary { margin-bottom: 6px; }
.done { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 36px 28px 24px; text-align: center; }
.done .title { padding: 0; }
.done__badge { display: grid; place-items: center; width: 52px; height: 52px; border-radius: 50%; color: #fff; background: var(--snagbox-success); }
.done__badge--queued { background: var(--snagbox-warning); }
.done__badge--refused { background: var(--snagbox-danger); }
.done__badge svg { width: 28px; height: 28px; stroke-width: 2.5; }
.done__label { margin: 8px 0 0; color: var(--snagbox-muted); font-size: 13px; }
.done__reference { margin: 0; font-size: 30px; font-weight: 700; letter-spacing: 0.02em; font-variant-numeric: tabular-nums; user-select: all; }
.done__text { margin: 0; max-width: 420px; }
.done__link { color: var(--snagbox-accent); font-weight: 600; }
.done .actions { margin-top: 14px; }
@media (max-width: 520px) {
  .categories__grid, .contact__grid { grid-template-columns: 1fr; }
  .shot__row { flex-direction: column; }
}
@media (max-width: 480px) {
  .form__header { padding: 16px 16px 4px; }
  .form__body { padding: 12px 16px 16px; }
  .form__footer { padding: 12px 16px 14px; }
  .done { padding: 32px 16px 20px; }
}
/* 16 px: a phone does not zoom into a field it focuses. */
@media (max-width: 480px), (pointer: coarse) { .input { font-size: 16px; } }
`
