package dev.llmgen.runtime.cache;

import dev.llmgen.annotations.Cached;
import dev.llmgen.runtime.CallSpec;
import dev.llmgen.runtime.chain.ModelBinding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalDouble;

/**
 * Makes the cache keys of one method's calls from everything that shapes an answer: the model asked
 * for, the system prompt (format instruction included), the token limit, the temperature, the answer
 * format, the rendered prompt and, for {@link Cached.Scope#USER}, the user. The parts fixed for the
 * method are digested once; a call copies that digest and adds only its prompt and user.
 */
final class CacheKeys {

  private final Fields methodFields;
  private final boolean perUser;

  CacheKeys(CallSpec<?> spec, ModelBinding model, Cached.Scope scope) {
    Fields method = new Fields()
        .text(scope.name())
        .text(model.providerModel())
        .text(spec.system())
        .number(spec.maxTokens())
        .optional(spec.temperature());
    // Every response format prints all that identifies it, a schema its JSON text included.
    this.methodFields = method.text(spec.outputFormat().responseFormat().toString());
    this.methodFields.copy(); // a digest that cannot be copied fails here, when the method is bound
    this.perUser = scope == Cached.Scope.USER;
  }

  CacheKey keyOf(String prompt, String userId) {
    Fields call = methodFields.copy().text(prompt);
    if (perUser) {
      call.optional(userId);
    }
    return CacheKey.of(call.digest());
  }

  /**
   * A SHA-256 of a sequence of fields. Every field carries its length or a presence flag, so no two
   * different sequences digest the same bytes: ("ab", "c") is not ("a", "bc"), and no user is not a user.
   */
  private static final class Fields {

    private final MessageDigest sha256;

    Fields() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform must provide SHA-256", e);
      }
    }

    private Fields(MessageDigest sha256) {
      this.sha256 = sha256;
    }

    /**
     * These fields, to go on with apart: the method's fields are digested once and each call's key
     * starts from a copy, which costs less than looking up a new digest.
     */
    Fields copy() {
      try {
        return new Fields((MessageDigest) sha256.clone());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the SHA-256 of security provider " + sha256.getProvider().getName()
            + " cannot be copied, which @Cached needs", e);
      }
    }

    Fields bytes(byte[] value) {
      number(value.length);
      sha256.update(value);
      return this;
    }

    Fields text(String value) {
      return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    Fields number(long value) {
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
      return this;
    }

    Fields optional(String value) {
      return value == null ? present(false) : present(true).text(value);
    }

    Fields optional(OptionalDouble value) {
      return value.isEmpty() ? present(false) : present(true).number(Double.doubleToLongBits(value.getAsDouble()));
    }

    private Fields present(boolean present) {
      sha256.update((byte) (present ? 1 : 0));
      return this;
    }

    byte[] digest() {
      return sha256.digest();
    }
  }
}
