CREATE TABLE `inbound_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`mailbox` text NOT NULL,
	`message_key` text NOT NULL,
	`uid` integer,
	`sender` text DEFAULT '' NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`ticket_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_mail_message` ON `inbound_mail` (`project_id`,`mailbox`,`message_key`);--> statement-breakpoint
CREATE INDEX `inbound_mail_sender` ON `inbound_mail` (`project_id`,`sender`,`created_at`);--> statement-breakpoint
CREATE TABLE `ticket_reply_tokens` (
	`ticket_id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_reply_tokens_token_unique` ON `ticket_reply_tokens` (`token`);