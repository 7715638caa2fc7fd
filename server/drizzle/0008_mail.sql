CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`ticket_id` text NOT NULL,
	`event_id` integer,
	`kind` text NOT NULL,
	`audience` text NOT NULL,
	`recipient` text NOT NULL,
	`sender` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`message_id` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_key_unique` ON `mail_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`next_attempt_at`) WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX `mail_outbox_ticket` ON `mail_outbox` (`ticket_id`);--> statement-breakpoint
ALTER TABLE `agents` ADD `notify_new_tickets` text DEFAULT 'urgent' NOT NULL;--> statement-breakpoint
ALTER TABLE `agents` ADD `notify_activity` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `mail_from` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `imap_url` text;