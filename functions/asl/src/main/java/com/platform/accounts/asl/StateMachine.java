package com.platform.accounts.asl;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed and validated state machine definition, obtained from {@link AslEngine#parse}. It is
 * immutable and can be started any number of times, under any number of state machine names.
 */
public final class StateMachine {

  private final Model.Graph graph;

  StateMachine(Model.Graph graph) {
    this.graph = graph;
  }

  /** The name of the first state. */
  public String startAt() {
    return graph.startAt();
  }

  /** The names of the top-level states (not those inside Parallel branches or Map iterators). */
  public Set<String> stateNames() {
    return graph.states().keySet();
  }

  /** The execution time limit the definition sets with TimeoutSeconds, if any. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(graph.timeoutSeconds()).map(Duration::ofSeconds);
  }

  Model.Graph graph() {
    return graph;
  }
}
