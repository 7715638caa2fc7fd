import { afterEach, describe, expect, it, vi } from 'vitest'
import { withRequests } from '../../test/requests.js'
import { fakeClient, mountTestWidget, settle, until } from '../../test/support.js'

afterEach(() => {
  document.body.innerHTML = ''
  localStorage.clear()
  vi.restoreAllMocks()
})

const key = (target: EventTarget, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
  )

/** A widget over a fake support server, its form open. */
async function withServer(options = {}) {
  const client = fakeClient()
  const server = withRequests(client)
  const w = mountTestWidget(options, client)
  return { ...w, server }
}

/** From the open form to "My requests", once listed. */
async function showList(w: Awaited<ReturnType<typeof withServer>>) {
  w.api.open()
  await settle()
  w.$<HTMLButtonElement>('.form__header .link-button')!.click()
  await until(() => w.$('.requests__list, .requests__empty'), 'my requests')
}

/** An element's text as read, its pieces apart. */
function words(el: Element): string {
  const texts: string[] = []
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) texts.push(walker.currentNode.textContent!)
  return texts.join(' ').replace(/\s+/g, ' ').trim()
}
const rows = (root: ShadowRoot) => [...root.querySelectorAll('.requests__list > li')].map(words)

describe('“My requests”', () => {
  it('lists every request with its reference, subject, status in words, last change and unread replies; queued ones as waiting', async () => {
    const w = await withServer()
    w.server.add('DEMO-1', 'Export fails')
    w.server.add('DEMO-2', 'Printing', 'in_progress')
    w.server.reply('DEMO-2', 'Which printer?', 'waiting_on_reporter')
    w.server.queue('Sent from a train')
    await showList(w)
    expect(w.root.activeElement).toBe(w.$('#snagbox-title-requests'))
    expect(w.$('dialog')!.getAttribute('aria-labelledby')).toBe('snagbox-title-requests')
    expect(rows(w.root)).toEqual([
      'Waiting to be sent Sent from a train Saved just now · Kept on this device. It gets its number once it is sent.',
      'DEMO-2 Waiting for your answer 1 New replies: 1 Printing Ann Agent: Which printer? Updated just now',
      'DEMO-1 Received Export fails Request received · just now',
    ])
    // Only what can be opened is a button.
    expect(w.root.querySelectorAll('.requests__list button')).toHaveLength(2)
    // The form's link and the badge know it too.
    w.api.widget.state.showForm()
    await settle()
    expect(w.$('.form__header .link-button')!.textContent).toBe(
      'My requests (3), with new replies: 1',
    )
    expect(w.$('.launcher__badge')!.textContent).toBe('1')
  })

  it('says so when there are none, and goes to the form from there', async () => {
    const w = await withServer()
    await showList(w)
    expect(w.$('.requests__empty')!.textContent).toContain(
      'No requests have been sent from this browser yet.',
    )
    w.$<HTMLButtonElement>('.requests__footer .button')!.click()
    await settle()
    expect(w.$('#snagbox-title-form')).not.toBeNull()
  })

  it('without the server, shows what was known and says it may be out of date', async () => {
    const w = await withServer()
    w.server.add('DEMO-1', 'Export fails', 'in_progress')
    await showList(w)
    w.server.offline = true
    w.server.queue('Sent offline')
    w.api.widget.state.showForm()
    await settle()
    w.api.widget.state.showRequests()
    await until(() => w.$('.notice--warning'), 'the notice')
    expect(w.$('.notice--warning')!.textContent).toContain(
      'This is what this browser remembers, and it may be out of date.',
    )
    expect(rows(w.root)).toEqual([
      expect.stringContaining('Waiting to be sent Sent offline'),
      expect.stringContaining('DEMO-1 In progress Export fails'),
    ])
    w.server.offline = false
    w.$<HTMLButtonElement>('.notice--warning .link-button')!.click()
    await until(() => !w.$('.notice--warning'), 'the fresh list')
  })
})

describe('a request’s conversation', () => {
  it('shows the timeline with the agent’s name, takes a live reply in at once (seen), and Escape goes back to the list with the focus on the request', async () => {
    const w = await withServer()
    w.server.add('DEMO-2', 'Printing', 'in_progress')
    w.server.reply('DEMO-2', 'Which printer?', 'waiting_on_reporter')
    await showList(w)
    w.$<HTMLButtonElement>('[data-reference="DEMO-2"]')!.click()
    await until(() => w.$('.timeline'), 'the conversation')
    expect(w.root.activeElement).toBe(w.$('#snagbox-title-request'))
    expect(w.$('#snagbox-title-request')!.textContent).toBe('DEMO-2Printing')
    const messages = () => [...w.root.querySelectorAll('.timeline > li')].map(words)
    expect(messages()).toEqual([
      'You · just now Printing with details',
      'Status changed to “In progress” · just now',
      // The status change the question made is told by the question.
      'Ann Agent · Support · just now Support asked you a question Which printer?',
    ])
    expect(w.$('label[for="snagbox-answer"]')!.textContent).toBe('Your answer')
    // Opened, so read: the badge has nothing to count.
    expect(w.$('.launcher__badge')!.hidden).toBe(true)

    w.server.reply('DEMO-2', 'Or is it the scanner?', undefined, 'Boris')
    await until(() => messages().length === 4, 'the reply')
    expect(messages()[3]).toBe('Boris · Support · just now Or is it the scanner?')
    expect(w.$('.conversation > .visually-hidden[role="status"]')!.textContent).toBe(
      'New reply from Boris',
    )
    expect(w.server.calls.filter((c) => c.startsWith('refresh'))).toEqual(['refresh DEMO-2'])
    await settle()
    expect(w.$('.launcher__badge')!.hidden).toBe(true)

    key(w.root.activeElement!, 'Escape')
    await until(() => w.$('.requests__list'), 'the list')
    expect(w.root.activeElement).toBe(w.$('[data-reference="DEMO-2"]'))
    key(w.root.activeElement!, 'Escape')
    await settle()
    expect(w.$('dialog')).toBeNull()
  })

  it('answers a question (a draft kept meanwhile), then confirms a solution, each outcome said in place', async () => {
    const w = await withServer()
    w.server.add('DEMO-3', 'Totals', 'in_progress')
    w.server.reply('DEMO-3', 'Which month?', 'waiting_on_reporter')
    await showList(w)
    w.api.widget.state.showRequest('DEMO-3')
    await until(() => w.$('.composer'), 'the answer box')
    // A draft outlives leaving the request.
    w.type('#snagbox-answer', 'Octo')
    await settle()
    key(w.$('#snagbox-answer')!, 'Escape')
    await until(() => w.$('.requests__list'), 'the list')
    w.$<HTMLButtonElement>('[data-reference="DEMO-3"]')!.click()
    await until(() => w.$('.composer'), 'the answer box')
    const answer = w.$<HTMLTextAreaElement>('#snagbox-answer')!
    expect(answer.value).toBe('Octo')
    w.type('#snagbox-answer', '')
    await settle()
    w.$<HTMLButtonElement>('.composer button[type="submit"]')!.click()
    await settle()
    expect(w.$('#snagbox-answer-error')!.textContent).toBe('Please write something first.')
    w.type('#snagbox-answer', 'October')
    answer.focus()
    await settle()
    key(answer, 'Enter', { ctrlKey: true })
    await until(() => w.$('.notice--done'), 'the outcome')
    expect(w.$('.notice--done')!.textContent).toBe('Your message was sent.')
    expect(w.server.ticket('DEMO-3').status).toBe('in_progress')
    expect(answer.value).toBe('')
    expect(w.root.activeElement).toBe(answer)

    w.server.reply('DEMO-3', 'Fixed in 4.30.35', 'resolved')
    await until(() => w.$('.solution'), 'the solution')
    expect(w.$('.solution__text')!.textContent).toBe('Fixed in 4.30.35')
    w.$<HTMLButtonElement>('.solution .button--primary')!.click()
    await until(() => w.$('.notice--done')?.textContent === 'Thank you! The request is closed.')
    expect(w.server.ticket('DEMO-3')).toMatchObject({ status: 'closed', closeReason: 'confirmed' })
    expect(w.root.activeElement).toBe(w.$('.notice--done'))
    expect(w.$('.solution')).toBeNull()
    expect(w.$('.composer')).toBeNull()
    expect(w.$('.chip')!.textContent).toBe('Closed: you confirmed the solution')
  })

  it('disagrees only with a reason, withdraws only after asking, and says when it could not', async () => {
    const w = await withServer()
    w.server.add('DEMO-4', 'Login', 'in_progress')
    w.server.reply('DEMO-4', 'Cleared your cache', 'resolved')
    await showList(w)
    w.api.widget.state.showRequest('DEMO-4')
    await until(() => w.$('.solution'), 'the solution')
    w.$<HTMLButtonElement>('[data-ask="disagree"]')!.click()
    await settle()
    const reason = w.$<HTMLTextAreaElement>('#snagbox-reason')!
    expect(w.root.activeElement).toBe(reason)
    // Escape takes the question back, not the dialog.
    key(reason, 'Escape')
    await settle()
    expect(w.$('#snagbox-reason')).toBeNull()
    expect(w.root.activeElement).toBe(w.$('[data-ask="disagree"]'))
    w.$<HTMLButtonElement>('[data-ask="disagree"]')!.click()
    await settle()
    w.$<HTMLButtonElement>('.solution button[type="submit"]')!.click()
    await settle()
    expect(w.$('#snagbox-reason-error')!.textContent).toBe('Please write something first.')
    w.type('#snagbox-reason', 'Still cannot log in')
    await settle()
    w.$<HTMLButtonElement>('.solution button[type="submit"]')!.click()
    await until(() => w.$('.notice--done'), 'the outcome')
    expect(w.$('.notice--done')!.textContent).toBe('The request is back in work.')
    expect(w.server.ticket('DEMO-4').status).toBe('in_progress')

    w.server.offline = true
    w.$<HTMLButtonElement>('[data-ask="withdraw"]')!.click()
    await settle()
    expect(w.$('#snagbox-withdraw-question')!.textContent).toBe(
      'Withdraw DEMO-4? Support stops working on it, and you cannot reopen it.',
    )
    w.$<HTMLButtonElement>('.ask .button--danger')!.click()
    await until(() => w.$('.notice--error'), 'the failure')
    expect(w.$('.notice--error')!.textContent).toContain('Could not reach the support server')
    expect(w.server.ticket('DEMO-4').status).toBe('in_progress')
    w.server.offline = false
    w.$<HTMLButtonElement>('.ask .button--danger')!.click()
    await until(() => w.$('.notice--done'), 'the outcome')
    expect(w.$('.notice--done')!.textContent).toBe('The request was withdrawn.')
    expect(w.server.ticket('DEMO-4')).toMatchObject({ status: 'closed', closeReason: 'withdrawn' })
  })
})

describe('“My requests” opened by the host', () => {
  /** A button of the host's page, focused, as the one that opened the dialog would be. */
  function hostButton() {
    document.body.insertAdjacentHTML('beforeend', '<button id="host">My requests</button>')
    const button = document.querySelector<HTMLButtonElement>('#host')!
    button.focus()
    return button
  }

  it("open('requests', reference) shows that conversation at once; Escape closes the dialog and gives the focus back, the back link leads to the list", async () => {
    const w = await withServer({ launcher: false })
    w.server.add('DEMO-1', 'Export fails')
    w.server.add('DEMO-2', 'Printing', 'in_progress')
    const button = hostButton()
    w.api.open('requests', ' demo-2 ')
    await until(() => w.$('.timeline'), 'the conversation')
    expect(w.$('#snagbox-title-request')!.textContent).toBe('DEMO-2Printing')
    expect(w.root.activeElement).toBe(w.$('#snagbox-title-request'))
    // Opened as it is, without listing first.
    expect(w.server.calls).toEqual(['open DEMO-2'])
    key(w.root.activeElement!, 'Escape')
    await settle()
    expect(w.$('dialog')).toBeNull()
    expect(document.activeElement).toBe(button)

    w.api.open('requests', 'DEMO-2')
    await until(() => w.$('.timeline'), 'the conversation')
    w.$<HTMLButtonElement>('.conversation__header .link-button')!.click()
    await until(() => w.$('.requests__list'), 'the list')
    expect(w.$('.requests .notice')).toBeNull()
    // Opened from the list, a request goes back to it.
    w.$<HTMLButtonElement>('[data-reference="DEMO-1"]')!.click()
    await until(() => w.$('.timeline'), 'the conversation')
    key(w.root.activeElement!, 'Escape')
    await until(() => w.$('.requests__list'), 'the list')
    key(w.root.activeElement!, 'Escape')
    await settle()
    expect(w.$('dialog')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('a reference that is not among this browser’s requests opens the list, which says so until the reporter moves on', async () => {
    const w = await withServer({ launcher: false })
    w.server.add('DEMO-1', 'Export fails')
    w.api.open('requests', 'DEMO-99')
    await until(() => w.$('.requests__list'), 'the list')
    expect(w.$('.requests .notice[role="alert"]')!.textContent).toBe(
      'DEMO-99 is not among the requests of this browser.',
    )
    expect(w.root.activeElement).toBe(w.$('#snagbox-title-requests'))
    expect(rows(w.root)).toEqual(['DEMO-1 Received Export fails Request received · just now'])
    w.$<HTMLButtonElement>('[data-reference="DEMO-1"]')!.click()
    await until(() => w.$('.timeline'), 'the conversation')
    key(w.root.activeElement!, 'Escape')
    await until(() => w.$('.requests__list'), 'the list')
    expect(w.$('.requests .notice')).toBeNull()
  })

  it("open('requests') shows the list, and a mistaken view or reference is said in the console", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const w = await withServer({ launcher: false })
    w.server.add('DEMO-1', 'Export fails')
    w.api.open('requests')
    await until(() => w.$('.requests__list'), 'the list')
    expect(w.root.activeElement).toBe(w.$('#snagbox-title-requests'))
    w.api.close()
    w.api.open('requests', 42 as never)
    await until(() => w.$('.requests__list'), 'the list')
    expect(String(warn.mock.calls[0]![0])).toContain("open('requests', reference)")
    w.api.close()
    w.api.open('reqests' as never)
    await settle()
    expect(w.$('#snagbox-title-form')).not.toBeNull()
    expect(String(warn.mock.calls[1]![0])).toContain("open() and data-snagbox-open take 'requests'")
    w.api.close()
    // A click event, as when `open` itself is the listener: the form, quietly.
    w.api.open(new MouseEvent('click') as never)
    await settle()
    expect(w.$('#snagbox-title-form')).not.toBeNull()
    expect(warn).toHaveBeenCalledTimes(2)
  })
})

describe('the launcher’s badge', () => {
  it('counts the requests with unread replies once the page is idle, live, and opens “My requests” when there are some', async () => {
    localStorage.setItem('snagbox:requests:pk_test:DEMO-5', '{}')
    const w = await withServer()
    w.server.add('DEMO-5', 'Export', 'in_progress')
    const badge = w.$('.launcher__badge')!
    await until(() => w.client.following(), 'the follower')
    expect(badge.hidden).toBe(true)
    w.server.reply('DEMO-5', 'Is it every export?', 'waiting_on_reporter')
    await settle()
    expect(badge.hidden).toBe(false)
    expect(badge.textContent).toBe('1')
    expect(w.$('.launcher')!.textContent).toContain('New replies: 1')

    w.$<HTMLButtonElement>('.launcher')!.click()
    await until(() => w.$('.requests__list'), 'my requests')
    expect(w.client.log).not.toContain('capture')
    w.$<HTMLButtonElement>('[data-reference="DEMO-5"]')!.click()
    await until(() => w.$('.timeline'), 'the conversation')
    await settle()
    expect(badge.hidden).toBe(true)
    w.api.close()
    await settle()
    w.server.reply('DEMO-5', 'Any news?')
    await settle()
    expect(badge.textContent).toBe('1')
  })

  it('gives the SDK the host’s signed-in user, whose requests are listed at idle though this browser sent none', async () => {
    const w = await withServer({ launcher: false })
    w.server.add('DEMO-6', 'From the laptop')
    w.api.setUser({ id: 'user-42', signature: 'ab12', name: 'Anna' })
    expect(w.client.user).toEqual({ id: 'user-42', signature: 'ab12', name: 'Anna' })
    await until(() => w.server.calls.includes('list'), 'the listing')
    w.api.open()
    await until(() => w.$('.form__header .link-button')?.textContent === 'My requests (1)')
  })

  it('follows nothing and asks nothing while this browser remembers no request', async () => {
    const w = await withServer()
    await new Promise((resolve) => setTimeout(resolve, 1700))
    expect(w.client.following()).toBe(0)
    expect(w.server.calls).toEqual([])
  })
})
