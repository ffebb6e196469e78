package dev.llmgen.runtime.chain;

import dev.llmgen.runtime.CallSpec;
import java.util.Optional;

/**
 * Makes the stage of one policy for one method, when the method has that policy. Called once per
 * method, when its service is constructed; a method without the policy gets no stage at all.
 */
public interface StageFactory {

  Optional<CallStage> stageFor(CallSpec<?> spec, ModelBinding model);
}
