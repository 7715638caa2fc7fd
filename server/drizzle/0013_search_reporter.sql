-- The full-text index also holds, in the row of a ticket's `created` event, its reporter (name,
-- e-mail, organization) and its context's values: the queue's `q` finds a ticket by them, and
-- `reporter=` by the first. FTS5 takes no new column, so the index is built again with two more;
-- every row is copied as it is.
CREATE VIRTUAL TABLE `ticket_search_next` USING fts5(
  `subject`, `description`, `conversation`, `reporter`, `context`,
  tokenize = 'unicode61 remove_diacritics 2'
);--> statement-breakpoint
INSERT INTO `ticket_search_next` (`rowid`, `subject`, `description`, `conversation`, `reporter`, `context`)
SELECT s.`rowid`, s.`subject`, s.`description`, s.`conversation`,
  coalesce((SELECT group_concat(r.`value`, char(10)) FROM json_each(t.`reporter`) r
    WHERE r.`key` IN ('name', 'email', 'organization') AND r.`type` = 'text'), ''),
  coalesce((SELECT group_concat(c.`value`, ' ') FROM json_tree(t.`context`) c
    WHERE c.`type` IN ('text', 'integer', 'real')), '')
FROM `ticket_search` s
LEFT JOIN `ticket_events` e ON e.`id` = s.`rowid` AND e.`type` = 'created'
LEFT JOIN `tickets` t ON t.`id` = e.`ticket_id`;--> statement-breakpoint
DROP TABLE `ticket_search`;--> statement-breakpoint
ALTER TABLE `ticket_search_next` RENAME TO `ticket_search`;--> statement-breakpoint
-- A ticket lists its duplicates through its own timeline (`tickets/store/links.ts`): the entry the
-- store now writes on the ticket a duplicate names, written here for the duplicates made before.
INSERT INTO `ticket_events` (`ticket_id`, `type`, `actor_kind`, `actor_id`, `visibility`, `data`, `created_at`)
SELECT t.`duplicate_of_id`, 'linked', 'system', NULL, 'internal',
  json_object('relation', 'duplicated_by', 'ticketId', t.`id`), coalesce(t.`closed_at`, t.`updated_at`)
FROM `tickets` t
WHERE t.`duplicate_of_id` IS NOT NULL AND t.`duplicate_of_id` IN (SELECT `id` FROM `tickets`)
ORDER BY t.`closed_at`, t.`id`;
