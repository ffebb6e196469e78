package dev.llmgen.runtime.ratelimit;

/**
 * Whose limits a call counts against: a method's, and with {@code perUser} one user's of it.
 *
 * @param feature the method, e.g. {@code SupportBot.answer}
 * @param userId the user, or {@code null} for the limits all callers share
 */
record LimitScope(String feature, String userId) {

  String describe() {
    return userId == null ? "for all callers" : "for user " + userId;
  }
}
