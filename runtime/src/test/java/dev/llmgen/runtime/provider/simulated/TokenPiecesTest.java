package dev.llmgen.runtime.provider.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.api.Encoding;
import dev.llmgen.runtime.pricing.TokenCounter;
import dev.llmgen.runtime.provider.simulated.TokenPieces.Piece;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenPiecesTest {

  private static final TokenCounter TOKENS = new TokenCounter();

  @ParameterizedTest
  @CsvSource({
      "o200k_base, '[simulated] Here is a short answer about invoices.'",
      "o200k_base, 'Größenordnung der Übersetzungskosten: 日本語のテキスト'",
      "cl100k_base, 'Emoji 🦜👍🏽 and ZWJ 👩‍💻 stay whole.'",
      "cl100k_base, '{\"title\":\"simulated title maple\",\"count\":12}'",
      "o200k_base, ''"})
  void thePiecesJoinedAreTheTextAndCountItsTokens(String tokenizer, String text) {
    Encoding encoding = TOKENS.encoding(tokenizer);

    List<Piece> pieces = TokenPieces.of(encoding, text);

    assertEquals(text, pieces.stream().map(Piece::text).collect(Collectors.joining()));
    assertEquals(TOKENS.count(encoding, text), pieces.stream().mapToInt(Piece::tokens).sum());
    assertTrue(pieces.stream().noneMatch(piece -> piece.text().isEmpty() || piece.text().contains("\uFFFD")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Start with the facts you already have.", "A quick take on router passwords."})
  void plainTextIsOnePiecePerToken(String text) {
    Encoding encoding = TOKENS.encoding("o200k_base");

    List<Piece> pieces = TokenPieces.of(encoding, text);

    assertEquals(TOKENS.count(encoding, text), pieces.size());
    assertTrue(pieces.stream().allMatch(piece -> piece.tokens() == 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"🦜", "👍🏽"})
  void aCharacterSplitAcrossTokensIsOnePiece(String emoji) {
    Encoding encoding = TOKENS.encoding("cl100k_base");
    assertFalse(TOKENS.count(encoding, emoji) < 2, "the test needs a character the encoding splits");

    List<Piece> pieces = TokenPieces.of(encoding, emoji);

    assertTrue(pieces.stream().anyMatch(piece -> piece.tokens() > 1), pieces::toString);
    assertEquals(emoji, pieces.stream().map(Piece::text).collect(Collectors.joining()));
  }
}
