-- Full-text search over a ticket's subject, description and public conversation. The rowid of a
-- ticket's row here is the id of its `created` timeline event: an integer that never changes.
CREATE VIRTUAL TABLE `ticket_search` USING fts5(
  `subject`, `description`, `conversation`,
  tokenize = 'unicode61 remove_diacritics 2'
);--> statement-breakpoint
INSERT INTO `ticket_search` (`rowid`, `subject`, `description`, `conversation`)
SELECT e.`id`, t.`subject`, t.`description`, ''
FROM `tickets` t JOIN `ticket_events` e ON e.`ticket_id` = t.`id` AND e.`type` = 'created';--> statement-breakpoint
UPDATE `tickets` SET `queue_key` =
  (CASE WHEN `status` = 'closed' THEN '1' ELSE '0' END) ||
  (CASE `priority` WHEN 'critical' THEN '0' WHEN 'high' THEN '1' WHEN 'normal' THEN '2' ELSE '3' END) ||
  `created_at` || `id`
WHERE `queue_key` = '';
