package dev.llmgen.processor.template;

import dev.llmgen.processor.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Splits a template into literal text and {@code {name}} placeholders, once, at compile time.
 * {@code {{}} and {@code }}} are literal braces; anything else unmatched is an error.
 */
public final class TemplateParser {

  private TemplateParser() {}

  /**
   * @param what names the template in messages, e.g. {@code prompt} or {@code system prompt}
   * @return the segments in order, adjacent literals merged, empty literals left out
   */
  public static List<TemplateSegment> parse(String template, String what) throws TemplateSyntaxException {
    List<TemplateSegment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      boolean doubled = i + 1 < template.length() && template.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        literal.append(c);
        i += 2;
      } else if (c == '}') {
        throw new TemplateSyntaxException(Message.UNBALANCED_BRACE, what, "}", i);
      } else if (c == '{') {
        int close = template.indexOf('}', i + 1);
        int nextOpen = template.indexOf('{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
          throw new TemplateSyntaxException(Message.UNBALANCED_BRACE, what, "{", i);
        }
        String name = template.substring(i + 1, close).strip();
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
          throw new TemplateSyntaxException(Message.INVALID_PLACEHOLDER, template.substring(i + 1, close), i, what);
        }
        flush(literal, segments);
        segments.add(new TemplateSegment.Placeholder(name, i));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    flush(literal, segments);
    return List.copyOf(segments);
  }

  private static void flush(StringBuilder literal, List<TemplateSegment> segments) {
    if (literal.length() > 0) {
      segments.add(new TemplateSegment.Literal(literal.toString()));
      literal.setLength(0);
    }
  }
}
