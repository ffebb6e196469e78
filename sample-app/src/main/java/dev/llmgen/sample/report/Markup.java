package dev.llmgen.sample.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes markup that an XML parser accepts as well as a browser: every element closed, every attribute
 * quoted, every text and attribute value escaped.
 */
final class Markup {

  private static final char REPLACEMENT = '\uFFFD';

  private final StringBuilder out = new StringBuilder();
  private final Deque<String> openElements = new ArrayDeque<>();

  /** Writes text that is markup already, such as the doctype or a style sheet, as it is. */
  Markup raw(String markup) {
    out.append(markup);
    return this;
  }

  /** @param attributes names and values, alternately */
  Markup open(String element, String... attributes) {
    startTag(element, attributes);
    out.append('>');
    openElements.push(element);
    return this;
  }

  /** Closes the element opened last. */
  Markup close() {
    out.append("</").append(openElements.pop()).append('>');
    return this;
  }

  /** An element holding nothing but {@code text}. */
  Markup element(String element, String text, String... attributes) {
    return open(element, attributes).text(text).close();
  }

  /** An element with no content, as {@code <rect ... />}: for HTML's void elements and for SVG. */
  Markup empty(String element, String... attributes) {
    startTag(element, attributes);
    out.append("/>");
    return this;
  }

  Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  @Override
  public String toString() {
    if (!openElements.isEmpty()) {
      throw new IllegalStateException("elements left open: " + openElements);
    }
    return out.toString();
  }

  private void startTag(String element, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("an attribute without its value: " + String.join(", ", attributes));
    }
    out.append('<').append(element);
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
    }
  }

  /**
   * Escapes the five characters markup gives a meaning to, and replaces the characters XML does not allow
   * (controls, lone surrogates) so that no name can break the page.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            escaped.append(c).append(text.charAt(++i));
          } else {
            escaped.append(allowedInXml(c) ? c : REPLACEMENT);
          }
        }
      }
    }
    return escaped.toString();
  }

  private static boolean allowedInXml(char c) {
    return c == '\t' || c == '\n' || c == '\r'
        || (c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c));
  }
}
