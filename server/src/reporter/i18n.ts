import { acceptedLanguages, pickLanguage, type Language } from '@snagbox/sdk/contract'

export type Lang = Language

const en = {
  title: 'Request',
  status: {
    new: 'Received',
    in_progress: 'In progress',
    waiting_on_reporter: 'Waiting for your answer',
    resolved: 'Solution provided',
    closed: 'Closed',
  } as Record<string, string>,
  statusHint: {
    new: 'Your request has been received. Support will take it shortly.',
    in_progress: 'Support is working on your request.',
    waiting_on_reporter: 'Support needs more information from you. Please answer below.',
    resolved:
      'Support has provided a solution. Please confirm that it works, or tell us why it does not.',
    closed: 'This request is closed. If you have a new problem, please file a new request.',
  } as Record<string, string>,
  closeReason: {
    confirmed: 'you confirmed the solution',
    auto_closed: 'closed automatically: no answer in time',
    withdrawn: 'you withdrew it',
    duplicate: 'duplicate of another request',
    rejected: 'rejected',
  } as Record<string, string>,
  category: {
    incident: 'Incident',
    mass_incident: 'Mass incident',
    consultation: 'Question',
    feature_request: 'Feature request',
  } as Record<string, string>,
  created: 'Filed',
  autoClose: 'Closes automatically if there is no answer by',
  duplicateOf: 'Duplicate of',
  splitFrom: 'Split from',
  description: 'Description',
  history: 'History',
  you: 'You',
  support: 'Support',
  system: 'Snagbox',
  events: {
    created: 'Request received',
    public_reply: 'Support replied',
    reporter_comment: 'You commented',
    status_changed: 'Status changed to',
    reopened: 'Reopened',
    confirmed: 'You confirmed the solution',
    withdrawn: 'You withdrew the request',
    closed: 'Closed',
    auto_closed: 'Closed automatically: no answer within the set working days',
    split: 'A separate request was created from this one',
    linked: 'Linked to another request',
    assigned: 'Assigned',
    priority_changed: 'Priority changed',
    category_changed: 'Category changed',
  } as Record<string, string>,
  comment: 'Add a comment',
  commentButton: 'Send comment',
  confirm: 'The solution works',
  confirmButton: 'Confirm and close',
  disagree: 'The solution does not work',
  disagreeReason: 'What is still wrong?',
  disagreeButton: 'Reopen the request',
  withdraw: 'No longer needed',
  withdrawReason: 'Reason (optional)',
  withdrawButton: 'Withdraw the request',
  done: {
    comment: 'Your comment was sent.',
    confirm: 'Thank you! The request is closed.',
    reopen: 'The request is back in work.',
    withdraw: 'The request was withdrawn.',
  } as Record<string, string>,
  notFound: 'No request has this status link. Check that the link is complete.',
  tooLong: (max: number) =>
    `The text is longer than ${max.toLocaleString('en')} characters; shorten it and send it again.`,
  language: 'Русский',
  quote: (text: string) => `“${text}”`,
  mailTo: (address: string) => `We'll e-mail you at ${address} when there is news.`,
  focus: {
    confirm: 'Press “Confirm and close” below if the solution works.',
    reopen: 'Tell us below what is still wrong, and the request goes back to work.',
  } as Record<'confirm' | 'reopen', string>,
}

const ru: typeof en = {
  title: 'Обращение',
  status: {
    new: 'Получено',
    in_progress: 'В работе',
    waiting_on_reporter: 'Ожидает вашего ответа',
    resolved: 'Решение предоставлено',
    closed: 'Закрыто',
  },
  statusHint: {
    new: 'Ваше обращение получено. Специалист поддержки скоро возьмёт его в работу.',
    in_progress: 'Специалист поддержки работает над вашим обращением.',
    waiting_on_reporter: 'Поддержке нужна дополнительная информация. Пожалуйста, ответьте ниже.',
    resolved:
      'Поддержка предоставила решение. Подтвердите, что оно помогло, или напишите, что не так.',
    closed: 'Обращение закрыто. Если возникла новая проблема, создайте новое обращение.',
  },
  closeReason: {
    confirmed: 'вы подтвердили решение',
    auto_closed: 'закрыто автоматически: ответа не было',
    withdrawn: 'вы отозвали обращение',
    duplicate: 'дубликат другого обращения',
    rejected: 'отклонено',
  },
  category: {
    incident: 'Инцидент',
    mass_incident: 'Массовый инцидент',
    consultation: 'Консультация',
    feature_request: 'Запрос на доработку',
  },
  created: 'Создано',
  autoClose: 'Закроется автоматически, если не будет ответа до',
  duplicateOf: 'Дубликат обращения',
  splitFrom: 'Выделено из обращения',
  description: 'Описание',
  history: 'История',
  you: 'Вы',
  support: 'Поддержка',
  system: 'Snagbox',
  events: {
    created: 'Обращение получено',
    public_reply: 'Ответ поддержки',
    reporter_comment: 'Ваш комментарий',
    status_changed: 'Статус изменён на',
    reopened: 'Обращение возобновлено',
    confirmed: 'Вы подтвердили решение',
    withdrawn: 'Вы отозвали обращение',
    closed: 'Закрыто',
    auto_closed: 'Закрыто автоматически: не было ответа в течение установленных рабочих дней',
    split: 'Из этого обращения выделено отдельное',
    linked: 'Связано с другим обращением',
    assigned: 'Назначен исполнитель',
    priority_changed: 'Изменён приоритет',
    category_changed: 'Изменён тип',
  },
  comment: 'Добавить комментарий',
  commentButton: 'Отправить комментарий',
  confirm: 'Решение помогло',
  confirmButton: 'Подтвердить и закрыть',
  disagree: 'Решение не помогло',
  disagreeReason: 'Что по-прежнему не так?',
  disagreeButton: 'Вернуть в работу',
  withdraw: 'Больше не актуально',
  withdrawReason: 'Причина (необязательно)',
  withdrawButton: 'Отозвать обращение',
  done: {
    comment: 'Комментарий отправлен.',
    confirm: 'Спасибо! Обращение закрыто.',
    reopen: 'Обращение снова в работе.',
    withdraw: 'Обращение отозвано.',
  },
  notFound: 'Обращение по этой ссылке не найдено. Проверьте, что ссылка скопирована полностью.',
  tooLong: (max: number) =>
    `Текст длиннее ${max.toLocaleString('ru')} символов; сократите его и отправьте снова.`,
  language: 'English',
  quote: (text: string) => `«${text}»`,
  mailTo: (address: string) => `Мы напишем вам на ${address}, когда будут новости.`,
  focus: {
    confirm: 'Если решение помогло, нажмите «Подтвердить и закрыть» ниже.',
    reopen: 'Напишите ниже, что по-прежнему не так, и обращение вернётся в работу.',
  },
}

export const MESSAGES = { en, ru }
export type Messages = typeof en

/** The page language: `?lang=` if given, else the first of `Accept-Language` we speak, else English. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  return pickLanguage([query, ...acceptedLanguages(acceptLanguage)])
}
