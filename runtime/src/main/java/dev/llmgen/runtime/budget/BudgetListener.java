package dev.llmgen.runtime.budget;

/**
 * Told when spending crosses a limit's {@code alertAt} share, once per window and limit. Called on the
 * thread that settled the call; an exception it throws is logged and does not affect the call.
 */
@FunctionalInterface
public interface BudgetListener {

  void onAlert(BudgetAlert alert);
}
