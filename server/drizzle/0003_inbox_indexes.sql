CREATE INDEX `tickets_priority_queue` ON `tickets` (`priority`,`queue_key`);--> statement-breakpoint
CREATE INDEX `tickets_category_queue` ON `tickets` (`category`,`queue_key`);--> statement-breakpoint
CREATE INDEX `tickets_app_version_queue` ON `tickets` (json_extract(`app`, '$.version'),`queue_key`);--> statement-breakpoint
CREATE INDEX `tickets_os_queue` ON `tickets` (lower(json_extract(`environment`, '$.os.name')),`queue_key`);
