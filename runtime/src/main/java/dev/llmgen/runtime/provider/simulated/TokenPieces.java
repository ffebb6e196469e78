package dev.llmgen.runtime.provider.simulated;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the pieces a model would stream: one per token of the model's encoding, except that
 * a character split across tokens (an emoji, many CJK characters) waits for the token that completes
 * it, since a piece of text cannot hold half a character. The pieces joined give the text back.
 */
final class TokenPieces {

  /**
   * One piece of streamed text.
   *
   * @param tokens how many tokens it is made of, 1 unless it completes a split character
   */
  record Piece(String text, int tokens) {}

  private TokenPieces() {}

  static List<Piece> of(Encoding encoding, String text) {
    IntArrayList tokens = encoding.encodeOrdinary(text);
    List<Piece> pieces = new ArrayList<>();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    int pendingTokens = 0;
    for (int i = 0; i < tokens.size(); i++) {
      IntArrayList token = new IntArrayList(1);
      token.add(tokens.get(i));
      pending.writeBytes(encoding.decodeBytes(token));
      pendingTokens++;
      byte[] bytes = pending.toByteArray();
      if (endsWithWholeCharacter(bytes)) {
        pieces.add(new Piece(new String(bytes, StandardCharsets.UTF_8), pendingTokens));
        pending.reset();
        pendingTokens = 0;
      }
    }
    return pieces;
  }

  /** Whether the last UTF-8 sequence in {@code bytes} has all the continuation bytes its lead byte calls for. */
  private static boolean endsWithWholeCharacter(byte[] bytes) {
    int continuations = 0;
    int lead = bytes.length - 1;
    while (lead >= 0 && (bytes[lead] & 0xC0) == 0x80) {
      continuations++;
      lead--;
    }
    if (lead < 0) {
      return false;
    }
    int first = bytes[lead] & 0xFF;
    int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    return continuations + 1 >= length;
  }
}
