"""What ``silkwire serve`` needs around granian: process lifetime, the port check, static files."""
