"""Platform client, durable outbox, caches, heartbeat and remote commands. No Qt here."""
