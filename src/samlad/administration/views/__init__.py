"""The pages of delegated administration under /administration/, split by what they change."""
