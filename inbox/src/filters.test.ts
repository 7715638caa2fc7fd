import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  filtersFromQuery,
  isFiltered,
  listQuery,
  viewQuery,
} from './filters.js'

describe('the queue filters and the URL', () => {
  it('shows the tickets being worked on when the URL says nothing: not the resolved ones', () => {
    expect(filtersFromSearch('')).toEqual(DEFAULT_FILTERS)
    expect(DEFAULT_FILTERS.status).toEqual(['new', 'in_progress', 'waiting_on_reporter'])
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('')
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false)
  })

  it('round-trips every filter through the query string', () => {
    const filters = {
      status: ['new', 'waiting_on_reporter'],
      category: ['mass_incident'],
      priority: ['critical', 'high'],
      assignee: 'me' as const,
      appVersion: '4.30.34',
      os: 'Windows 11',
      q: 'error 0x80070005',
      urgent: true,
      sort: 'first_response_due' as const,
      reporter: '',
      parent: '',
      duplicateOf: '',
      splitFrom: '',
    }
    const search = filtersToSearch(filters)
    expect(search).toBe(
      '?status=new%2Cwaiting_on_reporter&category=mass_incident&priority=critical%2Chigh&assignee=me&appVersion=4.30.34&os=Windows+11&q=error+0x80070005&urgent=true&sort=first_response_due',
    )
    expect(filtersFromSearch(search)).toEqual(filters)
  })

  it("keeps a ticket page's narrowing: a reporter's requests, a mass incident's children", () => {
    const search = '?status=all&reporter=anna%40example.com&parent=DEMO-2'
    const filters = filtersFromSearch(search)
    expect(filters).toMatchObject({ status: [], reporter: 'anna@example.com', parent: 'DEMO-2' })
    expect(filtersToSearch(filters)).toBe(search)
    expect(listQuery(filters).get('reporter')).toBe('anna@example.com')
    expect(listQuery({ ...filters, duplicateOf: 'DEMO-4', splitFrom: 'DEMO-1' }).toString()).toBe(
      'reporter=anna%40example.com&parent=DEMO-2&duplicateOf=DEMO-4&splitFrom=DEMO-1&limit=50',
    )
  })

  it('keeps "every status" and "not closed" apart from the default', () => {
    const all = { ...DEFAULT_FILTERS, status: [] }
    expect(filtersToSearch(all)).toBe('?status=all')
    expect(filtersFromSearch('?status=all').status).toEqual([])
    expect(listQuery(all).has('status')).toBe(false)
    expect(listQuery(DEFAULT_FILTERS).get('status')).toBe('new,in_progress,waiting_on_reporter')
    // Resolved tickets stay reachable: "not closed", or resolved alone, each has its link.
    expect(filtersToSearch({ ...DEFAULT_FILTERS, status: ['open'] })).toBe('?status=open')
    expect(filtersFromSearch('?status=resolved').status).toEqual(['resolved'])
  })

  it('drops values the server would refuse instead of sending them on', () => {
    const filters = filtersFromSearch(
      '?status=bogus&priority=urgent,low&assignee=someone&category=incident,x',
    )
    expect(filters.status).toEqual(DEFAULT_FILTERS.status)
    expect(filters.priority).toEqual(['low'])
    expect(filters.assignee).toBe('')
    expect(filters.category).toEqual(['incident'])
    expect(filtersFromSearch('?sort=newest').sort).toBe('queue')
  })

  it("takes an agent's id as the assignee, for the queue of one agent", () => {
    const id = '0b6c2f9e-5d1a-4c3b-9f7e-2a8d1e6b4c30'
    const filters = filtersFromSearch(`?assignee=${id}`)
    expect(filters.assignee).toBe(id)
    expect(filtersToSearch(filters)).toBe(`?assignee=${id}`)
    expect(listQuery(filters).get('assignee')).toBe(id)
    expect(filtersFromSearch('?assignee=none').assignee).toBe('none')
    expect(filtersFromSearch(`?assignee=${id}x`).assignee).toBe('')
  })

  it('asks the API for one page after a cursor, with blank text left out', () => {
    const query = listQuery({ ...DEFAULT_FILTERS, q: '  ', os: ' macOS ' }, 'djE6YWJj', 25)
    expect(Object.fromEntries(query)).toEqual({
      status: 'new,in_progress,waiting_on_reporter',
      os: 'macOS',
      limit: '25',
      cursor: 'djE6YWJj',
    })
  })

  it("reads a view's query, where no status means every status, and writes the filters back as one", () => {
    expect(filtersFromQuery('assignee=me&status=open')).toEqual({
      ...DEFAULT_FILTERS,
      status: ['open'],
      assignee: 'me',
    })
    expect(filtersFromQuery('status=open&urgent=true').urgent).toBe(true)
    const everything = filtersFromQuery('q=printer')
    expect(everything.status).toEqual([])
    expect(filtersToSearch(everything)).toBe('?status=all&q=printer')
    // The same view however its parameters are ordered; the page is not part of it.
    expect(viewQuery(filtersFromQuery('status=open&assignee=me'))).toBe(
      viewQuery(filtersFromSearch('?assignee=me&status=open')),
    )
    expect(viewQuery(DEFAULT_FILTERS)).toBe('status=new%2Cin_progress%2Cwaiting_on_reporter')
    expect(viewQuery(filtersFromSearch('?status=all&q=printer'))).toBe('q=printer')
  })
})
