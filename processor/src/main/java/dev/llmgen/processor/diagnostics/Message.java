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
  MISSING_MODEL(Kind.ERROR, "LlmMissingModel",
      "@LlmCall names no model; set model, e.g. model = \"gpt-4o-mini\", or add @Cascade to ask several "
          + "models, cheapest first."),
  UNKNOWN_MODEL(Kind.WARNING, "LlmUnknownModel",
      "model \"%s\" is not in the model catalog, so llmgen cannot price its calls%s. If a server "
          + "offers it under another name, map it with LLMGEN_MODEL_MAP; to add it, list it in a CSV "
          + "catalog and pass -Allmgen.modelCatalog=<file>."),
  MAX_TOKENS(Kind.ERROR, "LlmMaxTokens",
      "@LlmCall maxTokens is %d; it must be at least 1 (it bounds the answer and its worst-case cost)."),
  TEMPERATURE(Kind.ERROR, "LlmTemperature",
      "@LlmCall temperature is %s; it must be in [0, 2], or left out for the provider's default."),
  TEMPERATURE_FOR_ANTHROPIC(Kind.ERROR, "LlmTemperatureForAnthropic",
      "@LlmCall temperature is %s, but %s is an Anthropic model, which takes temperatures from 0 to 1 only;"
          + " lower it, or leave it out for the provider's default."),
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
          + "these, or CompletableFuture<T> of any of them; or stream text as Flow.Publisher<String> or "
          + "TokenStream."),
  POLICY_WITHOUT_CALL(Kind.ERROR, "LlmPolicyWithoutCall",
      "@%s on %s has no effect, because the method has no @LlmCall."),
  POLICY_NEEDS_USER_ID(Kind.ERROR, "LlmPolicyNeedsUserId",
      "%s needs to know the user, but %s has no @UserId parameter. Add a String parameter marked "
          + "@UserId, or %s."),
  BAD_DURATION(Kind.ERROR, "LlmBadDuration",
      "@%s %s %s"),
  CACHE_TTL(Kind.ERROR, "LlmCacheTtl",
      "@Cached %s is %s; it must be longer than zero."),
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
  CACHED_STREAM(Kind.ERROR, "LlmCachedStream",
      "@Cached cannot keep the answer of %s, which streams it: a cache cannot replay a stream. Remove "
          + "@Cached, or return String to receive the whole answer."),
  CASCADE_TOO_FEW_MODELS(Kind.ERROR, "LlmCascadeTooFewModels",
      "@Cascade names %d model(s); a cascade needs at least two, cheapest first. For one model, remove "
          + "@Cascade and set @LlmCall model."),
  UNCATALOGUED_MODEL(Kind.ERROR, "LlmUncataloguedModel",
      "@%s model \"%s\" is not in the model catalog%s. A model asked only when another falls short or "
          + "fails must be known at compile time, or a mistyped name would show only then: fix the name, "
          + "or list the model in a CSV catalog and pass -Allmgen.modelCatalog=<file>."),
  DUPLICATE_MODEL(Kind.ERROR, "LlmDuplicateModel",
      "@%s names model \"%s\" more than once; a call asks each model at most once, so remove the repeat."),
  CASCADE_THRESHOLD(Kind.ERROR, "LlmCascadeThreshold",
      "@Cascade threshold is %s; it must be in (0, 1], the score an answer needs to be accepted."),
  CASCADE_MODEL_CONTRADICTS(Kind.ERROR, "LlmCascadeModelContradicts",
      "@LlmCall model \"%s\" contradicts @Cascade, whose first model is \"%s\"; leave model out, the "
          + "cascade names the models in the order they are asked."),
  CASCADE_STREAM(Kind.ERROR, "LlmCascadeStream",
      "@Cascade cannot be used on %s, which streams its answer: a cascade scores each answer before it "
          + "accepts one, and a stream shows the answer as it is written. Remove @Cascade, or return String."),
  SCORER_TYPE(Kind.ERROR, "LlmScorerType",
      "@Cascade scorer %s does not implement dev.llmgen.runtime.cascade.AnswerScorer; name a class that "
          + "does, or leave scorer out to accept the first answer that decodes (DecodesScorer)."),
  SCORER_ABSTRACT(Kind.ERROR, "LlmScorerAbstract",
      "@Cascade scorer %s is %s, which Guice cannot construct; name a concrete class, or annotate it with "
          + "@ImplementedBy or @ProvidedBy."),
  SCORER_INNER_CLASS(Kind.ERROR, "LlmScorerInnerClass",
      "@Cascade scorer %s is an inner class, whose instances belong to an instance of %s that Guice "
          + "cannot supply; declare it static."),
  SCORER_INACCESSIBLE(Kind.ERROR, "LlmScorerInaccessible",
      "@Cascade scorer %s is not accessible from package %s, where the generated implementation that "
          + "receives it is; make it public, and the classes it is nested in."),
  SCORER_CONSTRUCTOR(Kind.ERROR, "LlmScorerConstructor",
      "@Cascade scorer %s has no constructor Guice can use; add one annotated @jakarta.inject.Inject, or "
          + "a non-private one without parameters."),
  SCORER_JAVAX_INJECT(Kind.ERROR, "LlmScorerJavaxInject",
      "@Cascade scorer %s marks a constructor with javax.inject.Inject, which Guice 7 ignores; use "
          + "jakarta.inject.Inject."),
  SCORER_INJECT_CONSTRUCTORS(Kind.ERROR, "LlmScorerInjectConstructors",
      "@Cascade scorer %s has %d constructors annotated @Inject; Guice needs exactly one, so remove "
          + "@Inject from the others."),
  RETRY_MAX_ATTEMPTS(Kind.ERROR, "LlmRetryMaxAttempts",
      "@Retry maxAttempts is %d; it must be from 1 (no retry) to %d, the first request included."),
  RETRY_BACKOFF(Kind.ERROR, "LlmRetryBackoff",
      "@Retry %s is %s; it must be longer than zero."),
  RETRY_BACKOFF_ORDER(Kind.ERROR, "LlmRetryBackoffOrder",
      "@Retry backoff %s is longer than maxBackoff %s, but the first wait is the shortest; shorten "
          + "backoff or lengthen maxBackoff."),
  TIMEOUT(Kind.ERROR, "LlmTimeout",
      "@Timeout is %2$s; it must be longer than zero."),
  FALLBACK_NO_MODEL(Kind.ERROR, "LlmFallbackNoModel",
      "@Fallback names no model; name the models to ask when the method's own fails, or remove @Fallback."),
  FALLBACK_OWN_MODEL(Kind.ERROR, "LlmFallbackOwnModel",
      "@Fallback names \"%s\", the method's own model; a fallback is asked when that model fails, so "
          + "name another."),
  FALLBACK_WITH_CASCADE(Kind.ERROR, "LlmFallbackWithCascade",
      "@Fallback cannot be combined with @Cascade, which already moves on to its next model when one "
          + "fails; add the fallback models to the end of the cascade's models instead."),
  CATALOG_OPTION(Kind.ERROR, "LlmModelCatalogOption",
      "cannot read the model catalog named by -Allmgen.modelCatalog: %s"),
  GENERATED_NAME_TAKEN(Kind.ERROR, "LlmGeneratedNameTaken",
      "llmgen generates %s for %s, but a class of that name already exists. Rename or remove that class: "
          + "llmgen names the classes it writes after the interface, <Interface>Impl and <Interface>Module."),
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
