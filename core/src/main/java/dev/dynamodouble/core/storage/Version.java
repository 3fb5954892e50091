package dev.dynamodouble.core.storage;

import java.time.Instant;

/** One committed, immutable root, stamped with the clock's time and a commit sequence number. */
public record Version<T>(T root, Instant committedAt, long sequence) {}
