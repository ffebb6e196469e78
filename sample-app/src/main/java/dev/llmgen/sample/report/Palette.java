package dev.llmgen.sample.report;

import java.util.List;

/** The colours of a chart's series, as CSS classes that fill a bar and colour a legend's swatch alike. */
final class Palette {

  private static final List<String> COLOURS =
      List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f");

  private Palette() {
  }

  /** The class of the series at {@code index}; the colours repeat after the eighth series. */
  static String seriesClass(int index) {
    return "s" + index % COLOURS.size();
  }

  /** A style sheet rule for each series class. */
  static String styleSheet() {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < COLOURS.size(); i++) {
      rules.append('.').append(seriesClass(i)).append("{fill:").append(COLOURS.get(i))
          .append(";background:").append(COLOURS.get(i)).append("}\n");
    }
    return rules.toString();
  }
}
