package dev.llmgen.sample;

/** How soon a ticket needs an answer. */
public enum Urgency {
  LOW,
  NORMAL,
  HIGH
}
