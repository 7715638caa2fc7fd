// The page's own feature: meter readings for a two-tariff electricity meter.

/** The last readings, newest first (kWh, as the meter shows them). */
export const HISTORY = [
  { month: 'October 2026', t1: 18342, t2: 7415, source: 'Gateway' },
  { month: 'September 2026', t1: 18071, t2: 7302, source: 'Gateway' },
  { month: 'August 2026', t1: 17830, t2: 7196, source: 'Customer' },
  { month: 'July 2026', t1: 17602, t2: 7101, source: 'Gateway' },
]

const kwh = new Intl.NumberFormat('en-GB')

/**
 * Checks new readings against the last ones: whole numbers, never lower than before.
 *
 * @example
 * checkReadings({ t1: '18600', t2: '7500' }, HISTORY[0]) // { t1: 18600, t2: 7500, errors: {} }
 */
export function checkReadings(input, last) {
  const errors = {}
  const values = {}
  for (const field of ['t1', 't2']) {
    const text = String(input[field] ?? '').replace(/\s/g, '')
    const value = Number(text)
    if (!/^\d{1,6}$/.test(text)) errors[field] = 'a whole number of kWh, up to 6 digits'
    else if (value < last[field])
      errors[field] = `lower than last month's ${kwh.format(last[field])}`
    values[field] = value
  }
  return { ...values, errors }
}

function row({ month, t1, t2, source }, previous) {
  const tr = document.createElement('tr')
  const used = previous ? t1 - previous.t1 + (t2 - previous.t2) : null
  const cells = [
    [month, ''],
    [kwh.format(t1), 'num'],
    [kwh.format(t2), 'num'],
    [used === null ? '—' : kwh.format(used), 'num'],
    [source, ''],
  ]
  for (const [text, className] of cells) {
    const td = document.createElement('td')
    td.textContent = text
    if (className) td.className = className
    tr.append(td)
  }
  return tr
}

/**
 * Shows the history and takes new readings from the form.
 *
 * @example
 * mountReadings(document, HISTORY)
 */
export function mountReadings(doc, history) {
  const readings = [...history]
  const body = doc.getElementById('history')
  const form = doc.getElementById('readings-form')
  const message = doc.getElementById('readings-message')
  const render = () => body.replaceChildren(...readings.map((r, i) => row(r, readings[i + 1])))
  render()

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const { t1, t2, errors } = checkReadings({ t1: form.t1.value, t2: form.t2.value }, readings[0])
    for (const field of ['t1', 't2'])
      form[field].setAttribute('aria-invalid', String(!!errors[field]))
    const problems = Object.entries(errors).map(
      ([field, text]) => `${field === 't1' ? 'Day' : 'Night'}: ${text}`,
    )
    if (problems.length) {
      message.className = 'message error'
      message.textContent = problems.join('. ')
      form[Object.keys(errors)[0]].focus()
      return
    }
    readings.unshift({ month: 'November 2026', t1, t2, source: 'Customer' })
    render()
    form.reset()
    message.className = 'message ok'
    message.textContent = 'Readings for November 2026 accepted.'
  })
}
