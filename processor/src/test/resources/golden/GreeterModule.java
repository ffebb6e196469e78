package test;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import javax.annotation.processing.Generated;

/**
 * Binds {@link Greeter} to its generated implementation. Install it next to
 * {@code LlmRuntimeModule}.
 */
@Generated("dev.llmgen.processor.LlmProcessor")
public final class GreeterModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Greeter.class).to(GreeterImpl.class).in(Singleton.class);
  }
}
