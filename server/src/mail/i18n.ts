import type { Language } from '@snagbox/sdk/contract'

// The words of every e-mail, in each language the reporter may speak. Agents get English and
// Russian alike, by the report's language: they work in the reporter's.

const en = {
  greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
  statusLink: 'Your request, its history and your answers:',
  footer: 'This message was sent automatically by the support desk.',
  replyHint: 'Reply to this e-mail or answer on the page of your request.',
  files: {
    attached: 'Files of this reply, attached to this e-mail:',
    linked:
      'Not attached, so that this e-mail stays small enough to arrive; each link opens the file as long as the link to your request works:',
    removed: 'Removed from the request before this e-mail was sent, so not attached:',
    kb: 'KB',
    mb: 'MB',
  },
  received: {
    subject: 'Your request is received',
    lead: (ref: string) => `We have received your request ${ref}. Please keep this reference.`,
    next: 'A support specialist will take it shortly. We will write to you at this address when there is an answer or a question.',
  },
  reply: { subject: 'Support replied', lead: 'Support replied to your request:' },
  question: {
    subject: 'Support needs more information',
    lead: 'Support needs more information to go on with your request:',
  },
  resolved: {
    subject: 'Solution provided',
    lead: 'Support has provided a solution to your request:',
    ask: 'Does it solve the problem?',
    yes: 'Yes, solved',
    no: 'Still a problem',
    closes: (date: string) => `Without an answer the request closes itself on ${date}.`,
  },
  reminder: {
    subject: 'Reminder: does the solution work?',
    lead: (date: string) =>
      `Support provided a solution to your request and is waiting for your answer. Without one the request closes itself on ${date}.`,
  },
  closed: {
    subject: 'Your request is closed',
    confirmed: 'You confirmed the solution, and the request is closed. Thank you!',
    auto_closed:
      'The request was closed automatically: there was no answer to the solution in time. If the problem is still there, file a new request.',
    withdrawn: 'You withdrew the request, and it is closed.',
    rejected: 'Support closed the request without a change:',
    duplicate: (other: string, status: string) =>
      `Your request describes the same problem as ${other} (${status}); it is worked there, and this one is closed.`,
    duplicateLink: 'The other request:',
  },
  reopened: {
    subject: 'Your request is back in work',
    lead: 'Support took your request back into work:',
  },
  split: {
    subject: 'A separate request was created',
    lead: (other: string) =>
      `Part of your request is worked on as a separate request, ${other}. Its page:`,
  },
  status: {
    new: 'received',
    in_progress: 'in progress',
    waiting_on_reporter: 'waiting for an answer',
    resolved: 'solution provided',
    closed: 'closed',
  } as Record<string, string>,
  agent: {
    newTicket: (priority: string) => `New request (${priority})`,
    activity: 'The reporter answered',
    emailed: 'An e-mail came',
    open: 'Open it in the inbox:',
    from: 'From',
    app: 'Application',
    os: 'System',
    did: {
      reporter_comment: 'The reporter commented:',
      confirmed: 'The reporter confirmed the solution; the request is closed.',
      reopened: 'The reporter says the solution does not work:',
      withdrawn: 'The reporter withdrew the request.',
      internal_note: 'An e-mail about this request, kept as an internal note:',
    } as Record<string, string>,
    off: 'You get this because of your notification settings in the inbox.',
  },
}

const ru: typeof en = {
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  statusLink: 'Ваше обращение, его история и ваши ответы:',
  footer: 'Это письмо отправлено службой поддержки автоматически.',
  replyHint: 'Ответьте на это письмо или на странице обращения.',
  files: {
    attached: 'Файлы к ответу — во вложении к этому письму:',
    linked:
      'Не вложены, чтобы письмо не стало слишком большим и дошло; каждая ссылка открывает файл, пока действует ссылка на обращение:',
    removed: 'Удалены из обращения до отправки этого письма, поэтому не вложены:',
    kb: 'КБ',
    mb: 'МБ',
  },
  received: {
    subject: 'Обращение получено',
    lead: (ref) => `Мы получили ваше обращение ${ref}. Пожалуйста, сохраните этот номер.`,
    next: 'Специалист поддержки скоро возьмёт его в работу. Мы напишем на этот адрес, когда будет ответ или вопрос.',
  },
  reply: { subject: 'Ответ поддержки', lead: 'Поддержка ответила на ваше обращение:' },
  question: {
    subject: 'Поддержке нужна информация',
    lead: 'Чтобы продолжить работу над обращением, поддержке нужна дополнительная информация:',
  },
  resolved: {
    subject: 'Решение предоставлено',
    lead: 'Поддержка предоставила решение по вашему обращению:',
    ask: 'Проблема решена?',
    yes: 'Да, решено',
    no: 'Проблема осталась',
    closes: (date) => `Если ответа не будет, обращение закроется автоматически ${date}.`,
  },
  reminder: {
    subject: 'Напоминание: решение помогло?',
    lead: (date) =>
      `Поддержка предоставила решение и ждёт вашего ответа. Если ответа не будет, обращение закроется автоматически ${date}.`,
  },
  closed: {
    subject: 'Обращение закрыто',
    confirmed: 'Вы подтвердили решение, обращение закрыто. Спасибо!',
    auto_closed:
      'Обращение закрыто автоматически: ответа на решение не было. Если проблема осталась, создайте новое обращение.',
    withdrawn: 'Вы отозвали обращение, оно закрыто.',
    rejected: 'Поддержка закрыла обращение без изменений:',
    duplicate: (other, status) =>
      `Ваше обращение описывает ту же проблему, что и ${other} (${status}); работа идёт там, а это обращение закрыто.`,
    duplicateLink: 'Другое обращение:',
  },
  reopened: {
    subject: 'Обращение снова в работе',
    lead: 'Поддержка вернула ваше обращение в работу:',
  },
  split: {
    subject: 'Создано отдельное обращение',
    lead: (other) => `Часть вашего обращения выделена в отдельное, ${other}. Его страница:`,
  },
  status: {
    new: 'получено',
    in_progress: 'в работе',
    waiting_on_reporter: 'ожидает ответа',
    resolved: 'решение предоставлено',
    closed: 'закрыто',
  },
  agent: {
    newTicket: (priority) => `Новое обращение (${priority})`,
    activity: 'Ответ заявителя',
    emailed: 'Пришло письмо',
    open: 'Открыть во входящих:',
    from: 'От',
    app: 'Приложение',
    os: 'Система',
    did: {
      reporter_comment: 'Заявитель написал:',
      confirmed: 'Заявитель подтвердил решение; обращение закрыто.',
      reopened: 'Заявитель сообщает, что решение не помогло:',
      withdrawn: 'Заявитель отозвал обращение.',
      internal_note: 'Письмо по этому обращению, сохранённое как внутренняя заметка:',
    },
    off: 'Вы получили это письмо по своим настройкам уведомлений во входящих.',
  },
}

export const MAIL_WORDS: Record<Language, typeof en> = { en, ru }
export type MailWords = typeof en
