package dev.llmgen.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor can print, in one place. Each carries a short id in brackets so that
 * users can search for it, and says what to do.
 */
public enum Message {
  CALL_OUTSIDE_INTERFACE(Kind.ERROR, "LlmCallOutsideInterface",
      "@LlmCall is only allowed on interface methods, but %s is declared in %s %s. Move it to an "
          + "interface: llmgen generates the implementation."),
  PRIVATE_INTERFACE(Kind.ERROR, "LlmPrivateInterface",
      "%s is private, so its generated implementation could not implement it. Make it package-private "
          + "or public."),
  GENERIC_INTERFACE(Kind.ERROR, "LlmGenericInterface",
      "%s declares type parameters <%s>; llmgen fixes every answer format at compile time, so an "
          + "interface with @LlmCall methods cannot be generic. Extend it with concrete types instead."),
  CALL_WITH_BODY(Kind.ERROR, "LlmCallWithBody",
      "%s is a %s method with a body, which llmgen would not replace. Make it abstract, or remove "
          + "@LlmCall."),
  MISSING_CALL(Kind.ERROR, "LlmMissingCall",
      "%s is abstract but has no @LlmCall, so llmgen cannot implement it. Annotate it with @LlmCall, or "
          + "give it a default body."),
  GENERIC_METHOD(Kind.ERROR, "LlmGenericMethod",
      "%s declares type parameters <%s>; an @LlmCall method cannot be generic, because its answer "
          + "format is fixed at compile time. Use concrete types."),
  CHECKED_EXCEPTION(Kind.ERROR, "LlmCheckedException",
      "%s declares the checked exception %s; llmgen reports failures as unchecked LlmException "
          + "subclasses, so remove it from the throws clause."),
  EMPTY_MODEL(Kind.ERROR, "LlmEmptyModel",
      "@LlmCall model is empty; name a model such as \"gpt-4o-mini\"."),
  UNKNOWN_MODEL(Kind.WARNING, "LlmUnknownModel",
      "model \"%s\" is not in the model catalog, so llmgen cannot price its calls%s. If a server "
          + "offers it under another name, map it with LLMGEN_MODEL_MAP; to add it, list it in a CSV "
          + "catalog and pass -Allmgen.modelCatalog=<file>."),
  MAX_TOKENS(Kind.ERROR, "LlmMaxTokens",
      "@LlmCall maxTokens is %d; it must be at least 1 (it bounds the answer and its worst-case cost)."),
  TEMPERATURE(Kind.ERROR, "LlmTemperature",
      "@LlmCall temperature is %s; it must be in [0, 2], or left out for the provider's default."),
  EMPTY_PROMPT(Kind.ERROR, "LlmEmptyPrompt",
      "@LlmCall prompt is empty; write the user message, with {parameter} placeholders."),
  UNBALANCED_BRACE(Kind.ERROR, "LlmUnbalancedBrace",
      "the %s has an unmatched '%s' at position %d; write '{{' or '}}' for a literal brace."),
  INVALID_PLACEHOLDER(Kind.ERROR, "LlmInvalidPlaceholder",
      "'{%s}' at position %d of the %s is not a parameter name; a placeholder is {name} for a "
          + "parameter 'name', and '{{' and '}}' are literal braces."),
  UNKNOWN_PLACEHOLDER(Kind.ERROR, "LlmUnknownPlaceholder",
      "{%s} in the prompt names no parameter of %s%s. Parameters: %s."),
  UNUSED_PARAMETER(Kind.ERROR, "LlmUnusedParameter",
      "parameter %s is not used in the prompt; add {%s} to the prompt, mark it @UserId, or remove it."),
  SYSTEM_PLACEHOLDER(Kind.ERROR, "LlmSystemPlaceholder",
      "the system prompt is sent as written and cannot use placeholders, but it has {%s}; move it into "
          + "the prompt, or write {{%s}} for literal braces."),
  DUPLICATE_USER_ID(Kind.ERROR, "LlmDuplicateUserId",
      "%s has more than one @UserId parameter (%s); a call is made for one user, so mark only one."),
  USER_ID_NOT_STRING(Kind.ERROR, "LlmUserIdNotString",
      "@UserId parameter %s is a %s; it must be a String."),
  USER_ID_WITHOUT_CALL(Kind.ERROR, "LlmUserIdWithoutCall",
      "@UserId on parameter %s of %s has no effect, because the method has no @LlmCall."),
  UNSUPPORTED_RETURN_TYPE(Kind.ERROR, "LlmUnsupportedReturnType",
      "%s cannot be returned by an @LlmCall method%s. Return String, an enum, boolean, int, long, "
          + "double (or their boxes), a record or Jackson-compatible class, LlmResult<T> of one of "
          + "these, or CompletableFuture<T> of any of them."),
  POLICY_WITHOUT_CALL(Kind.ERROR, "LlmPolicyWithoutCall",
      "@%s on %s has no effect, because the method has no @LlmCall."),
  POLICY_NEEDS_USER_ID(Kind.ERROR, "LlmPolicyNeedsUserId",
      "%s needs to know the user, but %s has no @UserId parameter. Add a String parameter marked "
          + "@UserId, or %s."),
  BAD_DURATION(Kind.ERROR, "LlmBadDuration",
      "@%s %s %s"),
  CACHE_TTL(Kind.ERROR, "LlmCacheTtl",
      "@Cached ttl is %s; it must be longer than zero."),
  CACHE_MAX_ENTRIES(Kind.ERROR, "LlmCacheMaxEntries",
      "@Cached maxEntries is %d; it must be at least 1."),
  CACHE_SAMPLED(Kind.WARNING, "LlmCacheSampled",
      "@Cached stores the first answer and serves it to every identical call, but this method %s, so "
          + "its answers vary from call to call. Set temperature = 0 for repeatable answers, or accept "
          + "that callers share one sample."),
  BUDGET_NO_LIMIT(Kind.ERROR, "LlmBudgetNoLimit",
      "@Budget sets no limit; set at least one of perRequestUsd, perUserDailyUsd, perUserMonthlyUsd, "
          + "perAppDailyUsd, perAppMonthlyUsd."),
  BUDGET_LIMIT(Kind.ERROR, "LlmBudgetLimit",
      "@Budget %s is %s; a limit must be a dollar amount of 0 or more with at most 9 decimals."),
  BUDGET_ALERT_AT(Kind.ERROR, "LlmBudgetAlertAt",
      "@Budget alertAt is %s; it must be in (0, 1], the share of a limit whose crossing alerts."),
  RATE_NO_LIMIT(Kind.ERROR, "LlmRateLimitNoLimit",
      "@RateLimited sets no limit; set requestsPerMinute, tokensPerMinute or both."),
  RATE_LIMIT(Kind.ERROR, "LlmRateLimit",
      "@RateLimited %s is %d; it must be at least 1. Leave it out for no limit of this kind."),
  CATALOG_OPTION(Kind.ERROR, "LlmModelCatalogOption",
      "cannot read the model catalog named by -Allmgen.modelCatalog: %s"),
  INTERNAL_ERROR(Kind.ERROR, "LlmInternalError",
      "llmgen failed on %s: %s. Please report this with the interface's source.");

  private final Kind kind;
  private final String id;
  private final String template;

  Message(Kind kind, String id, String template) {
    this.kind = kind;
    this.id = id;
    this.template = template;
  }

  public Kind kind() {
    return kind;
  }

  /** The id users search for, e.g. {@code LlmUnknownPlaceholder}. */
  public String id() {
    return id;
  }

  /** The text with {@code arguments} filled in, prefixed with the id in brackets. */
  public String format(Object... arguments) {
    return "[" + id + "] " + String.format(template, arguments);
  }
}
