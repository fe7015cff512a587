package at.leoben.assistant.gaps;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A question the knowledge could not answer, with the German stems of its words (PostgreSQL's
 * german configuration: stop words gone, "Hunde" and "Hund" alike) that group it with others.
 */
record GapQuestion(String question, Set<String> stems, String why, Instant askedAt, UUID reviewItemId) {}
