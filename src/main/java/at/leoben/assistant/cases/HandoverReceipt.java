package at.leoben.assistant.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a hand-over (201): the case, the office that has it, and when it will answer,
 * as data and as a sentence for the citizen ("am Montag ab 8 Uhr").
 */
public record HandoverReceipt(
    UUID caseId,
    String number,
    String office,
    String officeName,
    CaseStatus status,
    Instant handledFrom,
    Instant expectedReplyBy,
    ContactKind contact,
    String message) {}
