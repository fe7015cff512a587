package at.leoben.assistant.llm;

/** A numbered excerpt of the city's knowledge the model must answer from and cite as [ref]. */
public record GroundingPassage(int ref, String title, String heading, String text) {}
