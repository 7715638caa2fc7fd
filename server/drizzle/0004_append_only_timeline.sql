-- The timeline is append-only: what happened to a request is never rewritten or erased.
CREATE TRIGGER `ticket_events_no_update` BEFORE UPDATE ON `ticket_events`
BEGIN SELECT RAISE(ABORT, 'the ticket timeline is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `ticket_events_no_delete` BEFORE DELETE ON `ticket_events`
BEGIN SELECT RAISE(ABORT, 'the ticket timeline is append-only'); END;
