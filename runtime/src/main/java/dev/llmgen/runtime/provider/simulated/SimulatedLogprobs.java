package dev.llmgen.runtime.provider.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The log-probabilities the simulated model gives the tokens of its answers, so that confidence
 * scores and cascades can be tried without a real model. Stronger models are surer of themselves, and
 * strength is read from the output price ({@link PricePosition}: {@code p} from 0 for $0.10 per
 * million tokens to 1 for $100).
 *
 * <p>The rule: an answer's uncertainty {@code u}, minus the mean of its token logprobs, is drawn from an
 * exponential distribution with mean {@code 0.39 * (0.022 / 0.39)^p}, which falls from 0.39 for the
 * cheapest models to 0.022 for the dearest. The mean token probability {@code exp(-u)} is then below 0.8
 * with probability {@code exp(-ln(1.25) / mean)}: for 56% of the answers of a $0.10 model, 30% for
 * gpt-4o-mini ($0.60), 9% for models the catalog does not know, 2% for gpt-4o ($10), almost never at
 * $100. Within an answer the tokens differ, as a real model's do: token {@code i} gets
 * {@code -u * e_i / mean(e)} with {@code e_i} exponential draws, so most tokens are near certain, a few
 * are doubtful, and their mean is exactly {@code -u}.
 *
 * <p>Everything is drawn from the random source given, so the same request gets the same logprobs.
 */
final class SimulatedLogprobs {

  private static final double CHEAPEST_MEAN_UNCERTAINTY = 0.39;
  private static final double DEAREST_MEAN_UNCERTAINTY = 0.022;
  // The smallest draw for -ln(draw): every exponential draw is then positive and finite.
  private static final double SMALLEST_UNIFORM = Math.ulp(1.0);

  private final PricePosition prices;

  SimulatedLogprobs(PricePosition prices) {
    this.prices = prices;
  }

  /** The logprobs of the {@code tokens} tokens of an answer by {@code model}. */
  List<Double> of(String model, int tokens, SplittableRandom random) {
    double position = prices.of(model);
    double meanUncertainty =
        CHEAPEST_MEAN_UNCERTAINTY * Math.pow(DEAREST_MEAN_UNCERTAINTY / CHEAPEST_MEAN_UNCERTAINTY, position);
    double uncertainty = meanUncertainty * exponential(random);
    double[] weights = new double[tokens];
    double sum = 0;
    for (int i = 0; i < tokens; i++) {
      weights[i] = exponential(random);
      sum += weights[i];
    }
    List<Double> logprobs = new ArrayList<>(tokens);
    for (double weight : weights) {
      logprobs.add(-uncertainty * weight * tokens / sum);
    }
    return logprobs;
  }

  /** A draw from the exponential distribution with mean 1. */
  private static double exponential(SplittableRandom random) {
    return -Math.log(random.nextDouble(SMALLEST_UNIFORM, 1.0));
  }
}
