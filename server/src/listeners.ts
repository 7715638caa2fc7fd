/**
 * Listeners of one kind of news inside this process (a committed change, an ended credential).
 * A listener that throws is logged and the others still hear it: whoever tells the news has
 * already done what it tells of, whatever a listener does.
 *
 * @example
 * const ends = new Listeners<string>('ended credentials')
 * const stop = ends.subscribe((id) => console.log(id))
 * ends.notify('token-1')
 */
export class Listeners<T> {
  private readonly listeners = new Set<(news: T) => void>()

  /** `what` names the news in the log line of a listener that failed. */
  constructor(private readonly what: string) {}

  subscribe(listener: (news: T) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  notify(news: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(news)
      } catch (err) {
        console.error(`Snagbox: a listener of ${this.what} failed:`, err)
      }
    }
  }
}
