/**
 * "My requests" and a request's conversation: the list, the status chips, the messages, the
 * solution with its buttons, the answer box. Under 480 px (the full-screen sheet) the paddings
 * shrink and the answer box stacks.
 */
export const createRequestsStyles = () => `
.requests, .conversation { display: flex; flex: 1 1 auto; flex-direction: column; min-height: 0; }
.requests__header, .conversation__header { display: flex; flex-direction: column; gap: 4px; padding: 20px 24px 10px; }
.requests__body, .conversation__body { display: flex; flex: 1 1 auto; flex-direction: column; gap: 12px; min-height: 0; overflow-y: auto; padding: 6px 24px 18px; }
.requests__footer, .conversation__footer { padding: 12px 24px 16px; border-top: 1px solid var(--snagbox-border); }
.requests__footer { display: flex; justify-content: flex-end; }
.title[tabindex='-1']:focus { outline: none; }
.requests__list, .timeline, .related { display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; list-style: none; }
.requests__empty { padding: 24px 0; text-align: center; }
.requests__empty p { margin: 0 0 4px; }
.request {
  display: flex; flex-direction: column; gap: 3px; width: 100%; padding: 11px 14px; text-align: left;
  font: 14px/1.4 var(--snagbox-font); color: var(--snagbox-fg); background: var(--snagbox-bg);
  border: 1px solid var(--snagbox-border); border-radius: 10px;
}
button.request { cursor: pointer; }
button.request:hover { background: var(--snagbox-surface); }
.request--unread { border-color: var(--snagbox-accent); box-shadow: inset 3px 0 0 var(--snagbox-accent); }
.request--queued { border-style: dashed; background: var(--snagbox-surface); }
.request__top { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.request__reference { font-weight: 700; font-variant-numeric: tabular-nums; letter-spacing: 0.01em; }
.request__subject { font-weight: 600; overflow-wrap: anywhere; }
.request__excerpt { color: var(--snagbox-fg); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.request__meta { font-size: 12.5px; color: var(--snagbox-muted); }
.request__unread {
  margin-left: auto; min-width: 22px; height: 22px; padding: 0 7px; border-radius: 11px;
  font: 700 12px/22px var(--snagbox-font); text-align: center; color: #fff; background: #c01048;
}
.chip {
  display: inline-flex; align-items: center; gap: 6px; padding: 2px 9px; border-radius: 999px;
  font-size: 12.5px; font-weight: 600; line-height: 1.5; color: var(--snagbox-fg);
  background: var(--snagbox-surface); border: 1px solid var(--snagbox-border);
}
.chip::before { content: ''; width: 7px; height: 7px; border-radius: 50%; background: var(--snagbox-muted); }
.chip--in_progress::before { background: var(--snagbox-accent); }
.chip--waiting_on_reporter::before, .chip--queued::before { background: var(--snagbox-warning); }
.chip--waiting_on_reporter { border-color: var(--snagbox-warning); }
.chip--resolved::before { background: var(--snagbox-success); }
.chip--resolved { border-color: var(--snagbox-success); }
.notice { margin: 0; padding: 9px 12px; border-radius: 8px; border-left: 4px solid var(--snagbox-accent); background: var(--snagbox-surface); }
.notice--warning { border-left-color: var(--snagbox-warning); }
.notice--error { border-left-color: var(--snagbox-danger); }
.notice--done { border-left-color: var(--snagbox-success); }
.notice:focus { outline: none; }
.conversation__header .link-button { align-self: flex-start; margin: -4px 0 2px -4px; padding-right: 8px; }
.conversation__header .link-button svg { width: 18px; height: 18px; }
.conversation__subject { display: block; margin-top: 2px; font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.conversation__status { display: flex; align-items: center; flex-wrap: wrap; gap: 6px 12px; margin: 4px 0 0; }
.conversation__status a { color: var(--snagbox-link); }
.related { gap: 2px; font-size: 13px; color: var(--snagbox-muted); }
.message { display: flex; flex-direction: column; gap: 3px; max-width: 88%; padding: 9px 12px; border-radius: 12px; background: var(--snagbox-surface); border: 1px solid var(--snagbox-border); }
.message--mine { align-self: flex-end; background: color-mix(in srgb, var(--snagbox-accent) 10%, var(--snagbox-bg)); border-color: color-mix(in srgb, var(--snagbox-accent) 30%, var(--snagbox-border)); }
.message p { margin: 0; }
.message__by { font-size: 12.5px; color: var(--snagbox-muted); }
.message__by strong { color: var(--snagbox-fg); font-weight: 650; }
.message__tag { font-size: 12.5px; font-weight: 700; color: var(--snagbox-muted); }
.message__text { white-space: pre-wrap; overflow-wrap: anywhere; }
.message__files { margin: 4px 0 0; padding-left: 18px; }
.message__files a, .related button { color: var(--snagbox-link); }
.message__shot { display: block; width: 160px; height: 100px; margin-top: 6px; border: 1px solid var(--snagbox-border); border-radius: 8px; overflow: hidden; background: var(--snagbox-surface); }
.message__shot img { display: block; width: 100%; height: 100%; object-fit: cover; object-position: top left; }
.event { align-self: center; max-width: 100%; padding: 0 8px; font-size: 12.5px; color: var(--snagbox-muted); text-align: center; }
.solution { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; border-radius: 10px; border: 1px solid var(--snagbox-success); background: color-mix(in srgb, var(--snagbox-success) 8%, var(--snagbox-bg)); }
.solution__title { margin: 0; font-size: 14px; font-weight: 700; }
.solution .message__by { margin-top: -4px; }
.solution__text { margin: 0; padding-left: 10px; border-left: 3px solid var(--snagbox-success); white-space: pre-wrap; overflow-wrap: anywhere; }
.solution__ask { margin: 0; font-weight: 600; }
.actions--start { justify-content: flex-start; }
.ask { display: flex; flex-direction: column; gap: 6px; margin: 0; }
.ask p { margin: 0; }
.conversation__withdraw { align-self: flex-start; padding-left: 0; padding-right: 0; }
.button--danger { background: var(--snagbox-danger); border-color: var(--snagbox-danger); color: var(--snagbox-bg); }
.button--danger-text { color: var(--snagbox-danger); }
.composer { display: flex; flex-direction: column; gap: 6px; margin: 0; }
.composer__row { display: flex; gap: 8px; align-items: flex-end; }
.composer__row .input { flex: 1; min-height: 44px; resize: vertical; }
@media (max-width: 480px) {
  .requests__header, .conversation__header { padding: 16px 16px 8px; }
  .requests__body, .conversation__body { padding: 4px 16px 14px; }
  .requests__footer, .conversation__footer { padding: 10px 16px 12px; }
  .requests__footer .button { width: 100%; }
  .message { max-width: 94%; }
}
`
