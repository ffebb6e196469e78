package dev.llmgen.sample.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void escapesTextAndAttributeValues() {
    String markup = new Markup()
        .open("p", "title", "a \"quoted\" <b> & 'c'")
        .text("x < y & z > \"w\"")
        .empty("br")
        .close()
        .toString();

    assertEquals("<p title=\"a &quot;quoted&quot; &lt;b&gt; &amp; &#39;c&#39;\">"
        + "x &lt; y &amp; z &gt; &quot;w&quot;<br/></p>", markup);
  }

  @Test
  void replacesWhatXmlDoesNotAllowAndKeepsWhatItDoes() {
    assertEquals("a\uFFFDb\uFFFDc\t\n", Markup.escape("a\u0000b\u001Bc\t\n"));
    assertEquals("lone \uFFFD, pair \uD83D\uDE00", Markup.escape("lone \uD83D, pair \uD83D\uDE00"));
    assertEquals("caf\u00E9 \u2026", Markup.escape("caf\u00E9 \u2026"));
  }

  @Test
  void closesTheElementOpenedLast() {
    assertEquals("<a><b>t</b></a>", new Markup().open("a").open("b").text("t").close().close().toString());
  }

  @Test
  void refusesToLeaveAnElementOpenOrAnAttributeWithoutValue() {
    Markup unclosed = new Markup().open("section").open("p");
    assertThrows(IllegalStateException.class, unclosed::toString);
    assertThrows(IllegalArgumentException.class, () -> new Markup().empty("rect", "width"));
  }
}
