"""The claims/ folder: reading, validating and writing claim, probe and fact YAML."""
