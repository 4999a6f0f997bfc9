"""Transactions as plain state machines: each knows its steps and can be driven without Qt."""
