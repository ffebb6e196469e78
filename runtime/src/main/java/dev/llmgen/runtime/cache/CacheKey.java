package dev.llmgen.runtime.cache;

import java.nio.ByteBuffer;

/**
 * Identifies one answer in a method's cache: the first 128 bits of the SHA-256 {@link CacheKeys}
 * computes. Two different calls share a key only by a chance of one in 2<sup>64</sup> even after
 * 2<sup>64</sup> answers, so the key stands for the call without holding its text.
 */
record CacheKey(long high, long low) {

  static CacheKey of(byte[] sha256) {
    ByteBuffer bits = ByteBuffer.wrap(sha256);
    return new CacheKey(bits.getLong(), bits.getLong());
  }
}
