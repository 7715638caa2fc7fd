import type { Language } from '@snagbox/sdk/contract'

/**
 * The launcher's texts in every language: the few the first stage shows before the dialog and its
 * dictionary have loaded. The `messages` option replaces them like any other text.
 */
export const LAUNCHER_MESSAGES = {
  en: {
    launcher: 'Report a problem',
    preparing: 'Preparing the form…',
    unavailable: 'The form did not load. Try again',
    newReplies: 'New replies: {n}',
  },
  ru: {
    launcher: 'Сообщить о проблеме',
    preparing: 'Открываем форму…',
    unavailable: 'Форма не загрузилась. Повторить',
    newReplies: 'Новых ответов: {n}',
  },
} satisfies Record<Language, Record<string, string>>

export type LauncherKey = keyof (typeof LAUNCHER_MESSAGES)['en']
export type LauncherMessages = Record<LauncherKey, string>
