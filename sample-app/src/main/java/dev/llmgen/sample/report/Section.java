package dev.llmgen.sample.report;

import java.util.List;
import java.util.Objects;

/**
 * One part of a report: its title, sentences about it, its charts (the page only) and its tables.
 *
 * @param id unique in the report, the anchor of the section on the page
 */
record Section(String id, String title, List<String> notes, List<Chart> charts, List<Table> tables) {

  Section {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    notes = List.copyOf(notes);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }

  /** A section with nothing to show but a sentence saying why. */
  static Section empty(String id, String title, String note) {
    return new Section(id, title, List.of(note), List.of(), List.of());
  }
}
