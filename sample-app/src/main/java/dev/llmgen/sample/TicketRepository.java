package dev.llmgen.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled help-desk export: a few hundred tickets, one JSON object per line. */
public final class TicketRepository {

  private static final String RESOURCE = "tickets.jsonl";

  private TicketRepository() {}

  public static List<Ticket> bundled() {
    ObjectMapper mapper = new ObjectMapper();
    List<Ticket> tickets = new ArrayList<>();
    try (InputStream in = TicketRepository.class.getResourceAsStream(RESOURCE);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          tickets.add(mapper.readValue(line, Ticket.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled tickets", e);
    }
    return List.copyOf(tickets);
  }
}
