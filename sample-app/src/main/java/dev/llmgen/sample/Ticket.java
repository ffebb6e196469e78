package dev.llmgen.sample;

/** A customer-support ticket as it arrives from the help desk. */
public record Ticket(
    String id, String customerId, String customerName, String channel, String subject, String body) {}
