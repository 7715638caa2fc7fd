DROP INDEX `tickets_queue`;--> statement-breakpoint
ALTER TABLE `tickets` ADD `queue_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_status_queue` ON `tickets` (`status`,`queue_key`);--> statement-breakpoint
CREATE INDEX `tickets_assignee_queue` ON `tickets` (`assignee_id`,`queue_key`);--> statement-breakpoint
CREATE INDEX `tickets_parent` ON `tickets` (`parent_id`);--> statement-breakpoint
CREATE INDEX `tickets_queue` ON `tickets` (`queue_key`);