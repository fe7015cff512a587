package at.leoben.assistant.evaluation;

import java.util.List;

/**
 * One question's outcome as stored in result.json and shown in the report's table. Fields that do
 * not apply are null: facts and sources only for expected AI answers, label checks only where
 * model text reached the citizen, the area only for hand-overs.
 */
public record QuestionResult(
    String id,
    String language,
    String question,
    String expected,
    String mode,
    String kind,
    String reason,
    String area,
    boolean kindCorrect,
    Boolean areaCorrect,
    boolean modelText,
    Integer factsRequired,
    Integer factsFound,
    List<String> missingFacts,
    Boolean sourceCited,
    List<String> expectedSources,
    List<String> citedSources,
    Boolean labelled,
    List<String> labelProblems,
    String model,
    boolean reused,
    double latencyMs,
    Double firstTokenMs,
    Integer inputTokens,
    Integer outputTokens,
    Integer judgeScore,
    String judgeNote,
    String answer,
    String error,
    String note) {}
