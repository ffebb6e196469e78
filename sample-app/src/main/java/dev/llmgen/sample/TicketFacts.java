package dev.llmgen.sample;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Optional;

/** What the help desk needs to know about a ticket, extracted by the model. */
public record TicketFacts(
    @JsonPropertyDescription("the order number, e.g. NW-123456, if the customer gives one")
    Optional<String> orderNumber,
    @JsonPropertyDescription("the product the ticket is about, if any")
    Optional<String> product,
    @JsonPropertyDescription("how soon the customer needs an answer")
    Urgency urgency,
    @JsonPropertyDescription("whether the customer asks for money back")
    boolean refundRequested,
    @JsonPropertyDescription("the customer's request in at most 12 words")
    String summary) {}
