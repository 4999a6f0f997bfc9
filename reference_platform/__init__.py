"""A small server implementing the platform contract (docs/platform-api.yaml) for demo and tests."""
