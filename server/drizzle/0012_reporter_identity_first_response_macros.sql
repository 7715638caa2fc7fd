CREATE TABLE `macros` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`status` text,
	`priority` text,
	`project_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `macros_project` ON `macros` (`project_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `identity_secret` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `working_hours` text DEFAULT '09:00-18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `first_response_hours` text DEFAULT '{"critical":1,"high":4,"normal":8,"low":16}' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `reporter_user_id` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `reporter_seen_event_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `first_response_at` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `first_response_due_at` text;--> statement-breakpoint
CREATE INDEX `tickets_reporter_user` ON `tickets` (`project_id`,`reporter_user_id`);--> statement-breakpoint
CREATE INDEX `tickets_first_response_due` ON `tickets` (`first_response_due_at`) WHERE first_response_at is null;--> statement-breakpoint
UPDATE `tickets` SET `first_response_at` = (SELECT min(e.`created_at`) FROM `ticket_events` e WHERE e.`ticket_id` = `tickets`.`id` AND e.`type` = 'public_reply');
--> statement-breakpoint
UPDATE `tickets` SET `reporter_seen_event_id` = coalesce((SELECT max(e.`id`) FROM `ticket_events` e WHERE e.`ticket_id` = `tickets`.`id`), 0);
