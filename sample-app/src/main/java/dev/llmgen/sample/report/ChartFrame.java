package dev.llmgen.sample.report;

import java.util.List;
import java.util.Locale;

/**
 * The layout the bar charts share, in SVG user units: a column of row labels on the left, bars from a common
 * left edge, and room after the longest bar for its text. Each column is as wide as its longest content.
 */
final class ChartFrame {

  private static final double BAR_HEIGHT = 18;
  private static final double BAR_GAP = 3;
  private static final double ROW_GAP = 12;
  private static final double WIDTH = 880;
  private static final double PADDING = 8;
  /** About the width of a character of the 12px sans-serif the page uses; text is not measured. */
  private static final double CHAR_WIDTH = 7;
  private static final int MAX_LABEL_CHARS = 48;

  private final Markup markup;
  private final double labelWidth;
  private final double plotWidth;
  private double nextRowTop = PADDING;

  /**
   * @param labels the row labels
   * @param texts the texts written after the bars
   */
  ChartFrame(Markup markup, List<String> labels, List<String> texts) {
    this.markup = markup;
    this.labelWidth = textWidth(Math.min(MAX_LABEL_CHARS, longest(labels))) + 2 * PADDING;
    this.plotWidth = WIDTH - labelWidth - textWidth(longest(texts)) - 2 * PADDING;
  }

  /** The width of the longest bar. */
  double plotWidth() {
    return plotWidth;
  }

  /** How long a bar for {@code value} is on a scale up to {@code max}; no bar at all when the max is 0. */
  double barWidth(double value, double max) {
    return max <= 0 ? 0 : plotWidth * Math.max(0, value) / max;
  }

  /** Opens the chart, tall enough for {@code rows} rows with {@code bars} bars among them. */
  void open(String title, int rows, int bars) {
    double height = 2 * PADDING + bars * BAR_HEIGHT + (bars - rows) * BAR_GAP + Math.max(0, rows - 1) * ROW_GAP;
    markup.open("svg", "class", "chart", "width", number(WIDTH), "height", number(height),
            "viewBox", "0 0 " + number(WIDTH) + " " + number(height), "role", "img", "aria-label", title)
        .element("title", title);
  }

  void close() {
    markup.close();
  }

  /** Writes the label of the next row, of {@code bars} bars, and returns the top of the row. */
  double row(String label, int bars) {
    double top = nextRowTop;
    double height = bars * BAR_HEIGHT + (bars - 1) * BAR_GAP;
    String shown = label.length() <= MAX_LABEL_CHARS ? label : label.substring(0, MAX_LABEL_CHARS - 1) + "…";
    markup.open("text", "class", "label", "x", number(labelWidth - PADDING), "y", number(top + height / 2));
    if (!shown.equals(label)) {
      markup.element("title", label);
    }
    markup.text(shown).close();
    nextRowTop += height + ROW_GAP;
    return top;
  }

  /** The top of the {@code index}th bar of a row. */
  static double barTop(double rowTop, int index) {
    return rowTop + index * (BAR_HEIGHT + BAR_GAP);
  }

  /** A grey bar as long as the longest, for bars that are parts of a whole. */
  void track(double top) {
    markup.empty("rect", "class", "track", "x", number(labelWidth), "y", number(top),
        "width", number(plotWidth), "height", number(BAR_HEIGHT));
  }

  /**
   * A bar of the series at {@code series}, starting {@code x} from the bars' left edge.
   *
   * @param tooltip what a pointer over the bar shows
   */
  void bar(double x, double top, double width, int series, String tooltip) {
    markup.open("rect", "class", "bar " + Palette.seriesClass(series), "x", number(labelWidth + x),
            "y", number(top), "width", number(width), "height", number(BAR_HEIGHT))
        .element("title", tooltip)
        .close();
  }

  /** A text just after a bar that ends {@code x} from the bars' left edge. */
  void textAfter(double x, double top, String text) {
    markup.element("text", text, "class", "value", "x", number(labelWidth + x + PADDING / 2),
        "y", number(top + BAR_HEIGHT / 2));
  }

  /** A text centred on a bar, if it fits there. */
  void textInside(double x, double width, double top, String text) {
    if (textWidth(text.length()) + PADDING <= width) {
      markup.element("text", text, "class", "inside", "x", number(labelWidth + x + width / 2),
          "y", number(top + BAR_HEIGHT / 2));
    }
  }

  private static int longest(List<String> texts) {
    return texts.stream().mapToInt(String::length).max().orElse(0);
  }

  private static double textWidth(int chars) {
    return chars * CHAR_WIDTH;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
