package dev.llmgen.processor.model;

import java.util.Map;

/**
 * A method's {@code @Budget}, checked.
 *
 * @param limitsNanos the limits set, by attribute name ({@code perUserDailyUsd}...), in nanodollars,
 *     in the order the annotation declares them
 */
public record BudgetModel(String pool, Map<String, Long> limitsNanos, double alertAt) {}
