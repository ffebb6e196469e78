package dev.llmgen.sample.report;

import java.util.List;

/** A chart drawn as inline SVG, with its figures written on it as text. */
interface Chart {

  String title();

  /** The series' names, in the order of their colours ({@link Palette}). */
  List<String> series();

  /** Writes the chart as one {@code <svg>} element. */
  void draw(Markup markup);
}
